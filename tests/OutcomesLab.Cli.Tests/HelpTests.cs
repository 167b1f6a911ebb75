using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary>What `--help` tells a new user: the exit codes, and only the options a command reads.</summary>
[Trait("Category", "EndToEnd")]
public sealed class HelpTests
{
    [Theory]
    [InlineData]
    [InlineData("ingest")]
    [InlineData("export")]
    [InlineData("status")]
    public async Task Help_lists_the_exit_codes(params string[] command)
    {
        using var folder = new TempFolder();
        var help = await CliProcess.RunAsync(folder.Path, [.. command, "--help"]);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("exit codes: 0 done; 1 error", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 ingest refused", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_help_lists_no_store_or_key_option_it_would_ignore()
    {
        using var folder = new TempFolder();
        var help = await CliProcess.RunAsync(folder.Path, "synth", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotContain("--store", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--key-file", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--catalog", help.Stdout, StringComparison.Ordinal);

        var status = await CliProcess.RunAsync(folder.Path, "status", "--help");
        Assert.Contains("--store", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--key-file", status.Stdout, StringComparison.Ordinal);
    }
}
