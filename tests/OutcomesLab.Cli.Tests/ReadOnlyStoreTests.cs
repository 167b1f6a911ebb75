using System.Diagnostics;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary>
/// A store the user may read but not write (an auditor's copy, a backup mounted read-only) can still be
/// looked at with `status` and `report`, and is not changed by them.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReadOnlyStoreTests(IngestedStore practice) : IClassFixture<IngestedStore>
{
    [Fact]
    public async Task Status_and_report_read_a_store_in_a_folder_the_user_cannot_write()
    {
        using var folder = new TempFolder();
        var readOnly = Directory.CreateDirectory(folder.File("readonly")).FullName;
        var store = Path.Combine(readOnly, "practice.db");
        File.Copy(practice.Store, store);
        var before = await File.ReadAllBytesAsync(store);
        var report = folder.File("report");

        // Root ignores permission bits, so as root the command runs as the unprivileged user "nobody".
        var asRoot = Environment.UserName == "root";
        File.SetUnixFileMode(store, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(folder.Path, (UnixFileMode)0b111_111_111);

        var status = await Run(asRoot, folder.Path, "status", "--store", store);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("episodes", status.Stdout, StringComparison.Ordinal);
        Assert.Equal("", status.Stderr);

        // No aggregate run yet: report says so in one line, having read the store.
        var noRun = await Run(asRoot, folder.Path, "report", "--store", store, "--out", report);
        Assert.Equal(1, noRun.ExitCode);
        Assert.Contains("holds no aggregate run yet", noRun.Stderr, StringComparison.Ordinal);

        Assert.Equal(before, await File.ReadAllBytesAsync(store));
        Assert.Equal(["practice.db"], Directory.GetFiles(readOnly).Select(Path.GetFileName));
    }

    private static Task<CliProcess.Result> Run(bool asNobody, string workingDirectory, params string[] args)
    {
        var info = CliProcess.StartInfo(workingDirectory, args);
        if (!asNobody) return CliProcess.RunAsync(info);
        var dotnet = new ProcessStartInfo("runuser")
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-u", "nobody", "--", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", "NO_COLOR=1", info.FileName }) dotnet.ArgumentList.Add(a);
        foreach (var a in info.ArgumentList) dotnet.ArgumentList.Add(a);
        return CliProcess.RunAsync(dotnet);
    }
}
