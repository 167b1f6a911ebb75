using Dapper;
using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using Xunit;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests.Packaging;

/// <summary>The export's own queries against a store filled by the real synth → gate → store path, on both dialects.</summary>
public sealed class StoreExportSourceTests
{
    private static async Task<Store> IngestedStore(Dialect dialect, TempFolder folder)
    {
        SyntheticPractice.Write(folder.File("drop"), new SynthOptions { Episodes = 150, Seed = 3, Batches = 2 });
        var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        var key = PseudonymKey.FromBytes(new byte[32]);
        await new Ingestor(store, new GateOptions(Catalog.Default, []), key, TimeProvider.System).PullAsync(folder.File("drop"));
        return store;
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Answers_and_people_come_back_complete_and_typed(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await IngestedStore(dialect, folder);
        await using var c = await store.ConnectAsync();
        var answersInStore = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers");
        var episodesInStore = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes");
        var validAdmins = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM administrations WHERE is_valid = 1");

        var source = await StoreExportSource.LoadAsync(store, AsyncEnumerable.Empty<EpisodeOutcome>(), items: true, CancellationToken.None);

        Assert.Equal(episodesInStore, source.PersonOf!.Count);
        Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT client_ref) FROM episodes"), source.PersonOf.Values.Distinct().LongCount());
        var answers = source.Answers!;
        Assert.Equal(answersInStore, answers.Count);
        Assert.True(answersInStore > 1000);
        Assert.All(answers, a => Assert.Contains(a.EpisodeRef, source.PersonOf.Keys));
        Assert.Equal(validAdmins, answers.Where(a => a.IsValid).Select(a => a.AdministrationRef).Distinct().LongCount());
        Assert.Contains(answers, a => a.Value is null);
        Assert.All(answers.Where(a => a.Value is not null), a =>
        {
            var i = Catalog.Default.Instruments[a.Instrument];
            Assert.InRange(a.Value!.Value, i.ItemMin, i.ItemMax);
        });
        Assert.All(answers, a => Assert.True(a.DaysSinceIntake >= 0));
    }
}
