using OutcomesLab.TestSupport;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>The `outcomeslab` command as a user meets it: exit codes and one-line errors.</summary>
[Trait("Category", "EndToEnd")]
public class CliTests
{
    [Fact]
    public async Task Ingest_exits_0_when_nothing_was_refused_and_3_when_anything_was()
    {
        using var clean = new TestDrop();
        clean.Batch("b1", Episodes(Ep()));
        using var dirty = new TestDrop();
        dirty.Batch("b1", Episodes(Ep(), Ep(id: "E2", client: "C2", concern: "unknown")));
        Assert.Equal(0, (await CliProcess.RunAsync(clean.Root, "ingest", clean.Path, "--store", Path.Combine(clean.Root, "s.db"))).ExitCode);
        var refused = await CliProcess.RunAsync(dirty.Root, "ingest", dirty.Path, "--store", Path.Combine(dirty.Root, "s.db"));
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("presenting_concern", refused.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest", "/nonexistent/drop")]
    [InlineData("synth")]
    [InlineData("synth", "--out", "x", "--episodes", "zero")]
    [InlineData("no-such-command")]
    public async Task User_mistakes_give_a_clear_message_and_a_non_zero_exit_without_a_stack_trace(params string[] args)
    {
        using var folder = new TempFolder();
        var result = await CliProcess.RunAsync(folder.Path, [.. args, "--store", Path.Combine(folder.Path, "s.db")]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_store_gives_one_line_and_exit_1()
    {
        using var folder = new TempFolder();
        var store = Path.Combine(folder.Path, "not-a-db.db");
        await File.WriteAllTextAsync(store, "this is not a SQLite database, just text that fills a page or so ............................................................");
        await File.WriteAllTextAsync(store + ".key", Convert.ToBase64String(new byte[32]));
        using var drop = new TestDrop();
        drop.Batch("b1", Episodes(Ep()));
        var result = await CliProcess.RunAsync(folder.Path, "ingest", drop.Path, "--store", store);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot be opened", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_then_ingest_of_3000_episodes_stores_everything_and_a_second_ingest_changes_nothing()
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        var store = Path.Combine(folder.Path, "s.db");
        var synth = await CliProcess.RunAsync(folder.Path, "synth", "--out", drop, "--episodes", "3000", "--seed", "7");
        Assert.Equal(0, synth.ExitCode);
        var first = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store);
        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"episodes stored\s*│\s*3,000", first.Output);
        var second = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", store);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"batches new\s*│\s*0", second.Output);
        Assert.Matches(@"batches already ingested\s*│\s*8", second.Output);
        Assert.Matches(@"answers stored\s*│\s*0", second.Output);
    }
}
