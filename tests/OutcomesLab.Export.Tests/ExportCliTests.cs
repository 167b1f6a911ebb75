using Dapper;
using Microsoft.Data.Sqlite;
using OutcomesLab.TestSupport;
using Xunit;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests;

/// <summary>`outcomeslab export` and `outcomeslab export log` as a custodian meets them (the real CLI, a real store).</summary>
[Trait("Category", "EndToEnd")]
public sealed class ExportCliTests
{
    [Fact]
    public async Task Export_then_log_then_a_tampered_log_is_caught()
    {
        using var folder = new TempFolder();
        var store = folder.File("practice.db");
        var drop = folder.File("drop");
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "synth", "--out", drop, "--episodes", "1200", "--seed", "5")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store)).ExitCode);

        var export = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("study"),
            "--purpose", "CLI test of the research export", "--items");
        Assert.True(export.ExitCode == 0, export.Output);
        Assert.Contains("prosecutor risk", export.Output, StringComparison.Ordinal);
        Assert.Contains(".export-keys", export.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.File("study"), "items.parquet")));
        Assert.Single(Directory.GetFiles(store + ".key.export-keys", "*.key"));

        var log = await CliProcess.RunAsync(folder.Path, "export", "log", "--store", store);
        Assert.Equal(0, log.ExitCode);
        var exportId = System.Text.RegularExpressions.Regex.Match(export.Output, @"\d{8}-\d{6}-[0-9a-f]{6}").Value;
        Assert.NotEmpty(exportId);
        Assert.Contains(exportId, log.Output, StringComparison.Ordinal);
        Assert.Contains("chain intact: 1 entry", log.Output, StringComparison.Ordinal);

        // Targets that cannot be met: exit 2, nothing written, the reason given.
        var refused = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("too-strict"),
            "--purpose", "impossible k", "--k", "100000");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("k = 100000 cannot be met", refused.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("too-strict")));

        // Someone edits the log behind the store's back.
        await using (var c = new SqliteConnection($"Data Source={store};Pooling=false"))
        {
            await c.ExecuteAsync("DROP TRIGGER export_log_no_update; UPDATE export_log SET purpose = 'nothing to see' WHERE entry_id = 1;");
        }
        var broken = await CliProcess.RunAsync(folder.Path, "export", "log", "--store", store);
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("edited", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_with_another_stores_key_file_is_refused_and_files_nothing_beside_it()
    {
        using var folder = new TempFolder();
        var store = folder.File("practice.db");
        var drop = folder.File("drop");
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "synth", "--out", drop, "--episodes", "1200", "--seed", "5")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store)).ExitCode);
        var wrongKey = folder.File("other.key");
        OutcomesLab.Privacy.PseudonymKey.Create(wrongKey);

        var wrong = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--key-file", wrongKey, "--out", folder.File("study"),
            "--purpose", "export with the wrong key");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("does not belong to this store", OneLine(wrong.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", wrong.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("study")));
        Assert.False(Directory.Exists(wrongKey + ".export-keys"));
        Assert.False(File.Exists(wrongKey + ".export-log-anchor"));

        File.Move(store + ".key", folder.File("moved.key"));
        var missing = await CliProcess.RunAsync(folder.Path, "export", "--store", store, "--out", folder.File("study"), "--purpose", "key file gone");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", OneLine(missing.Output), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("study")));
    }

    // The console may wrap a long message when piped.
    private static string OneLine(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    [Theory]
    [InlineData("--purpose", "no out folder")]
    [InlineData("--out", "somewhere")]
    [InlineData("--out", "x", "--purpose", "p", "--k", "5")]
    [InlineData("--out", "x", "--purpose", "p", "--link-with", "../../etc")]
    public async Task Usage_mistakes_give_one_line_and_a_non_zero_exit(params string[] args)
    {
        using var folder = new TempFolder();
        var result = await CliProcess.RunAsync(folder.Path, ["export", .. args, "--store", folder.File("s.db")]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }
}
