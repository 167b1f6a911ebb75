using Microsoft.Extensions.Time.Testing;
using OutcomesLab.Analytics;
using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Quality.Persistence;
using OutcomesLab.Quality.Report;
using OutcomesLab.Storage.Persistence;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using Xunit.Abstractions;
using OutcomesLab.Privacy;

namespace OutcomesLab.Quality.Tests;

public class QiReportStageTests(ITestOutputHelper output)
{
    /// <summary>Synthetic practice data through the real gate into a real store (SQLite or PostgreSQL).</summary>
    private static async Task<Store> IngestedStoreAsync(Dialect dialect, TempFolder folder, int episodes)
    {
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = episodes, Seed = 3 });
        var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        var key = PseudonymKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        await new Ingestor(store, new GateOptions(Catalog.Default, []), key, TimeProvider.System).PullAsync(drop);
        return store;
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task The_stage_reports_from_the_store_and_saves_its_models_with_the_aggregate_run(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await IngestedStoreAsync(dialect, folder, episodes: 500);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero));
        var outDir = Path.Combine(folder.Path, "qi");

        var first = await QiReportStage.RunAsync(store, Catalog.Default, new QiOptions(), outDir, time);
        Assert.True(first.RanAggregateStage);                       // no aggregate run yet: one is computed first
        var r = first.Result;
        output.WriteLine($"case-mix CV R²={r.CaseMix.Quality?.RSquared:F3} MAE={r.CaseMix.Quality?.MeanAbsoluteError:F3}; " +
                         string.Join("; ", r.Trajectories.Select(t => $"{t.Instrument} R²={t.Quality?.RSquared:F3} MAE={t.Quality?.MeanAbsoluteError:F2} held-out below={t.HeldOutShareBelow:P1}")) +
                         $"; alerts={r.Alerts.Count}");

        Assert.Equal(["COMM", "DIST", "SAT"], r.Therapists.Select(c => c.Instrument).Order());
        var saved = await QiModelRepository.ListAsync(store, first.AggregateRunId);
        Assert.Equal(first.SavedModels.Order(StringComparer.Ordinal), saved.Select(m => m.Name));
        Assert.Contains("casemix", first.SavedModels);
        Assert.True(File.Exists(first.Files.Index) && File.Exists(first.Files.Alerts));
        Assert.Equal(AlertsCsv.Header, File.ReadLines(first.Files.Alerts).First());
        // Episodes are stored pseudonyms: nothing from the source ids (EP…/C…) reaches the alert list.
        Assert.DoesNotContain(File.ReadLines(first.Files.Alerts).Skip(1), l => l.StartsWith("EP", StringComparison.Ordinal));

        // Nothing new in the store: the same aggregate run is reused and its models replaced, not duplicated.
        var second = await QiReportStage.RunAsync(store, Catalog.Default, new QiOptions(), outDir, time);
        Assert.False(second.RanAggregateStage);
        Assert.Equal(first.AggregateRunId, second.AggregateRunId);
        Assert.Equal(saved.Count, (await QiModelRepository.ListAsync(store, first.AggregateRunId)).Count);
        Assert.Equal(first.Result.Alerts, second.Result.Alerts);     // deterministic with the seed
    }

    [Fact]
    public async Task A_behind_aggregate_run_is_replaced_by_a_current_one_never_with_a_smaller_min_cell()
    {
        using var folder = new TempFolder();
        var drop = folder.File("drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 300, Seed = 4 });
        var early = folder.File("early");
        var batches = Directory.GetDirectories(drop).Order(StringComparer.Ordinal).ToList();
        foreach (var batch in batches.Take(batches.Count / 2))
        {
            var target = Directory.CreateDirectory(Path.Combine(early, Path.GetFileName(batch))).FullName;
            foreach (var file in Directory.GetFiles(batch)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        await using var store = await Store.OpenAsync(TestStores.NewLocation(Dialect.Sqlite, folder));
        var ingestor = new Ingestor(store, new GateOptions(Catalog.Default, []), PseudonymKey.FromBytes(new byte[32]), TimeProvider.System);
        await ingestor.PullAsync(early);
        var old = await AggregateStage.RunAsync(store, Catalog.Default, 20, null, TimeProvider.System);
        await ingestor.PullAsync(drop);                                   // the rest arrives: the run is behind the store

        var outcome = await QiReportStage.RunAsync(store, Catalog.Default, new QiOptions { MinCell = 11 }, folder.File("qi"), TimeProvider.System);

        Assert.True(outcome.RanAggregateStage);
        Assert.NotEqual(old.RunId, outcome.AggregateRunId);
        var latest = await AggregateRunRepository.LatestSummaryAsync(store);
        Assert.Equal((outcome.AggregateRunId, 20, true), (latest!.RunId, latest.MinCell, latest.IsCurrent));
        Assert.Empty(await QiModelRepository.ListAsync(store, old.RunId));
    }
}
