using System.Diagnostics;
using Dapper;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using static OutcomesLab.Ingest.Tests.TestDrop;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// Adversarial drops through the real CLI: what the CSV reader cannot take, files that are not
/// regular files, links out of the drop. Each is one refusal by position; the pull goes on.
/// </summary>
[Trait("Category", "EndToEnd")]
public class HostileDropTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private const string Email = "jane.roe@example.org";

    private static async Task<long> CountAsync(string store, string sql)
    {
        await using var s = await Store.OpenAsync(StoreLocation.Parse(store));
        await using var c = await s.ConnectAsync();
        return await c.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<string> RefusalsTextAsync(string store)
    {
        await using var s = await Store.OpenAsync(StoreLocation.Parse(store));
        await using var c = await s.ConnectAsync();
        return string.Join('\n', await c.QueryAsync<string>("SELECT batch_name || '|' || file || '|' || COALESCE(line, '') || '|' || COALESCE(column_name, '') || '|' || rule FROM refusals ORDER BY refusal_id"));
    }

    [Theory]
    [InlineData(Email)]
    [InlineData("episode_id")]
    public async Task A_repeated_header_name_refuses_its_file_by_position_and_the_later_batch_is_still_ingested(string repeated)
    {
        using var drop = new TestDrop();
        var header = EpisodeHeader + "," + repeated + "," + repeated;
        drop.Batch("b1", header + "\n" + Ep() + ",x,y\n");
        drop.Batch("b2", Episodes(Ep(id: "E2", client: "C2")));
        var store = Path.Combine(drop.Root, "s.db");

        var run = await BoundedCli.RunAsync(Deadline, drop.Root, "ingest", drop.Path, "--store", store);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM episodes"));
        Assert.Equal(2, await CountAsync(store, "SELECT COUNT(*) FROM batches"));
        var refusals = await RefusalsTextAsync(store);
        Assert.Contains("b1|episodes.csv|1|", refusals, StringComparison.Ordinal);
        foreach (var hay in new[] { run.Stdout, run.Stderr, refusals, await BoundedCli.StoreBytesAsync(store) })
        {
            Assert.DoesNotContain(Email, hay, StringComparison.Ordinal);
            Assert.DoesNotContain("client_id,couple_id", hay, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", hay, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_line_longer_than_the_reader_takes_refuses_its_file_by_line_and_the_pull_goes_on()
    {
        using var drop = new TestDrop();
        drop.Batch("b1");
        using (var w = new StreamWriter(Path.Combine(drop.Path, "b1", "episodes.csv")))
        {
            await w.WriteAsync(EpisodeHeader + "\n" + Ep() + "\n" + Email + ",");
            await w.WriteAsync(new string('x', 17_000_000));
            await w.WriteAsync("\n" + Ep(id: "E3", client: "C3") + "\n");
        }
        drop.Batch("b2", Episodes(Ep(id: "E2", client: "C2")));
        var store = Path.Combine(drop.Root, "s.db");

        var run = await BoundedCli.RunAsync(Deadline, drop.Root, "ingest", drop.Path, "--store", store);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(1, await CountAsync(store, "SELECT COUNT(*) FROM episodes"));
        var refusals = await RefusalsTextAsync(store);
        Assert.Contains("b1|episodes.csv|3|", refusals, StringComparison.Ordinal);
        Assert.Contains("longer than the reader's limit", refusals, StringComparison.Ordinal);
        foreach (var hay in new[] { run.Output, refusals, await BoundedCli.StoreBytesAsync(store) })
            Assert.DoesNotContain(Email, hay, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public async Task Pipes_devices_and_links_are_refused_without_hanging_or_reading_outside_the_drop()
    {
        using var drop = new TestDrop();
        using var outside = new TempFolder();
        const string OutsideSite = "OUTSIDESITE";
        var secretFile = Path.Combine(outside.Path, "secret-name.csv");
        await File.WriteAllTextAsync(secretFile, Episodes(Ep(id: "X1", client: "X1", site: OutsideSite)));
        var outsideBatch = Directory.CreateDirectory(Path.Combine(outside.Path, "secret-batch")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outsideBatch, "episodes.csv"), Episodes(Ep(id: "X2", client: "X2", site: OutsideSite)));

        drop.Batch("b1", responses: Responses(Sat("A1", "E9", "2025-01-10", 0)));
        MakeFifo(Path.Combine(drop.Path, "b1", "episodes.csv"));
        drop.Batch("b2", episodes: Episodes(Ep(id: "E2", client: "C2")));
        File.CreateSymbolicLink(Path.Combine(drop.Path, "b2", "responses.csv"), "/dev/zero");
        MakeFifo(Path.Combine(drop.Path, "b2", "notes.txt"));
        drop.Batch("b3");
        File.CreateSymbolicLink(Path.Combine(drop.Path, "b3", "episodes.csv"), secretFile);
        Directory.CreateSymbolicLink(Path.Combine(drop.Path, "b4"), outsideBatch);
        drop.Batch("b5", Episodes(Ep(id: "E5", client: "C5")));
        var store = Path.Combine(drop.Root, "s.db");

        var run = await BoundedCli.RunAsync(Deadline, drop.Root, "ingest", drop.Path, "--store", store);

        Assert.True(run.ExitCode == 3, run.Output);
        Assert.Equal(2, await CountAsync(store, "SELECT COUNT(*) FROM episodes"));
        Assert.Equal(0, await CountAsync(store, $"SELECT COUNT(*) FROM episodes WHERE site_id = '{OutsideSite}'"));
        var refusals = await RefusalsTextAsync(store);
        Assert.Contains("b1|episodes.csv|||not a regular file", refusals, StringComparison.Ordinal);
        Assert.Contains("b2|responses.csv|||not a regular file", refusals, StringComparison.Ordinal);
        Assert.Contains("b2|unexpected file 1|||", refusals, StringComparison.Ordinal);
        Assert.Contains("b3|episodes.csv|||not a regular file", refusals, StringComparison.Ordinal);
        Assert.Contains("b4|(batch folder)|||batch folder is a link", refusals, StringComparison.Ordinal);
        foreach (var hay in new[] { run.Output, refusals, await BoundedCli.StoreBytesAsync(store) })
        {
            Assert.DoesNotContain("secret", hay, StringComparison.Ordinal);
            Assert.DoesNotContain("notes.txt", hay, StringComparison.Ordinal);
            Assert.DoesNotContain(OutsideSite, hay, StringComparison.Ordinal);
        }
    }
}
