using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>
/// A long-running `outcomeslab serve` or `worker` process started from the real CLI build: its output
/// is collected line by line, it can be waited on, sent SIGTERM or killed (SIGKILL); disposing kills
/// it if it is still running, so a failed test leaves no process behind.
/// </summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly SemaphoreSlim newLine = new(0);

    public string Name { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public string Output => string.Join('\n', lines);

    private CliHost(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public static CliHost Start(string name, string workingDirectory, params string[] args)
    {
        var info = CliProcess.StartInfo(workingDirectory, args);
        info.StandardOutputEncoding = Encoding.UTF8;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new CliHost(name, process);
        process.OutputDataReceived += (_, e) => host.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        newLine.Release();
    }

    /// <summary>The first output line matching, waiting for it; fails with the output so far when the process exits or time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (lines.FirstOrDefault(match) is { } found) return found;
            if (process.HasExited && lines.FirstOrDefault(match) is null)
                throw new InvalidOperationException($"{Name} exited ({process.ExitCode}) before printing the expected line:\n{Output}");
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"{Name} did not print the expected line within {timeout}:\n{Output}");
            await newLine.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>SIGTERM, as a service manager or `docker stop` sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no chance to clean up, as when a machine or container dies.</summary>
    public void Kill() => process.Kill();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}:\n{Output}");
        }
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        process.Dispose();
        newLine.Dispose();
    }
}
