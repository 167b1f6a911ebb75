using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary>A batch or file name in a drop is the source's text: printing it must not let it drive the terminal.</summary>
[Trait("Category", "EndToEnd")]
public sealed class HostileNamesTests(IngestedStore practice) : IClassFixture<IngestedStore>
{
    [Fact]
    public async Task Control_characters_in_a_batch_or_file_name_never_reach_the_terminal()
    {
        using var folder = new TempFolder();
        var drop = Directory.CreateDirectory(folder.File("drop")).FullName;
        var batch = Path.Combine(drop, "2026-01-01T0300\u001b[2J\u001b]0;owned\u0007");
        Directory.CreateDirectory(batch);
        var first = Directory.GetDirectories(practice.Drop).Order(StringComparer.Ordinal).First();
        foreach (var f in Directory.GetFiles(first)) File.Copy(f, Path.Combine(batch, Path.GetFileName(f)));
        await File.WriteAllTextAsync(Path.Combine(batch, "notes\u001b[31m.csv"), "x\n");

        var store = folder.File("s.db");
        var ingest = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store);
        Assert.DoesNotContain('\u001b', ingest.Output);
        Assert.DoesNotContain('\u0007', ingest.Output);

        var status = await CliProcess.RunAsync(folder.Path, "status", "--refusals", "--store", store);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.DoesNotContain('\u001b', status.Output);
        Assert.DoesNotContain('\u0007', status.Output);
    }
}
