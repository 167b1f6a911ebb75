using Dapper;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// The aggregate read does not force the read-order index (a store without it must stay readable),
/// so this checks the planner still takes it: one covering index scan, no sort.
/// </summary>
public class ReadOrderPlanTests
{
    [Fact]
    public async Task The_aggregate_read_is_a_covering_scan_of_the_read_order_index_when_it_exists_and_a_sort_when_not()
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 300, Seed = 4 });
        await using var h = await IngestHarness.CreateAsync(Dialect.Sqlite);
        await h.PullAsync(drop);
        var read = h.Store.Sql["Aggregate_ValidAdministrations"];

        string plan;
        await using (var c = await h.Store.ConnectAsync())
            plan = string.Join('\n', (await c.QueryAsync("EXPLAIN QUERY PLAN " + read)).Select(row => (string)((IDictionary<string, object>)row)["detail"]));
        Assert.Contains("COVERING INDEX ix_administrations_valid_order", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);

        await h.CountAsync("DROP INDEX ix_administrations_valid_order");
        Assert.NotEmpty(await h.QueryAsync<string>(read));
    }
}
