using System.Diagnostics;
using System.Text;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>The real CLI with a deadline: a run that hangs is killed and fails the test instead of hanging it.</summary>
internal static class BoundedCli
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static async Task<Run> RunAsync(TimeSpan deadline, string workingDirectory, params string[] args)
    {
        using var process = Process.Start(CliProcess.StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"`outcomeslab {string.Join(' ', args.Take(1))}` did not finish within {deadline.TotalSeconds:0} s");
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The store's files (and anything beside them) as text, to search for a value that must not be there.</summary>
    public static async Task<string> StoreBytesAsync(string store)
    {
        var sb = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(store)!).Where(f => f.StartsWith(store, StringComparison.Ordinal)))
            sb.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        return sb.ToString();
    }
}
