using System.Diagnostics;

namespace OutcomesLab.TestSupport;

/// <summary>
/// Runs the real `outcomeslab` command as a separate process (built by the solution build that
/// tests/run.sh does first), for exit codes, printed output and crash tests.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Everything printed, standard output then standard error.</summary>
        public string Output => Stdout + Stderr;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OutcomesLab.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("OutcomesLab.sln not found above the test folder");
    }

    /// <summary>The CLI dll of the same configuration as the running tests.</summary>
    public static string CliDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot(), "src", "OutcomesLab.Cli", "bin", configuration, "net10.0", "linux-x64", "outcomeslab.dll");
        if (!File.Exists(path)) throw new FileNotFoundException($"build the solution first ({configuration}): {path} is missing");
        return path;
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliDll());
        foreach (var a in args) info.ArgumentList.Add(a);
        // Tests set their own store and key explicitly; the caller's environment must not leak in.
        foreach (var v in new[] { "OUTCOMESLAB_STORE", "OUTCOMESLAB_KEY_FILE", "OUTCOMESLAB_MIN_CELL", "OUTCOMESLAB_OUTPUT", "OUTCOMESLAB_CATALOG" })
            info.Environment.Remove(v);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["COLUMNS"] = "200";
        return info;
    }

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(StartInfo(workingDirectory, args));

    /// <summary>Runs a start info made by <see cref="StartInfo"/> and changed by the caller (environment, user).</summary>
    public static async Task<Result> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
