using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using OutcomesLab.Storage.Reading;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>
/// Baseline/final selection (docs/contracts/metrics.md tie rules) and invalid administrations, on
/// real stores. The same data go through the in-memory twin (<see cref="SeedData.Outcomes"/>) to
/// show both agree.
/// </summary>
public sealed class OutcomeReaderTests
{
    /// <summary>
    /// T1: two baselines at session 0 (days 3 and 1) → the fewer days (score 22); two finals at session 8
    ///     (days 60 and 56) → fewest days again, the same tie rule (score 44).
    /// T2: same session and day → the pseudonym decides, byte-wise: "adm-B" &lt; "adm-a" (B = 0x42 &lt; a = 0x61),
    ///     so baseline 30 (not 25); final at session 6 between "adm-D" and "adm-c" → "adm-D" (50).
    /// T3: every valid administration at session 0 → the final pick is the baseline itself → unpaired.
    /// T4: an invalid administration at session 0 is skipped: baseline is session 1 (30), final session 5 (40).
    /// T5: only invalid administrations → no outcome at all.
    /// T6: a valid baseline and an invalid later administration → unpaired (one valid administration).
    /// </summary>
    public static SeedData TieData()
    {
        var d = new SeedData();
        foreach (var e in new[] { "T1", "T2", "T3", "T4", "T5", "T6" }) d.Episode(e, "low_desire", "cbt");
        d.Valid("T1", "SAT", 0, 3, 20, "t1-b").Valid("T1", "SAT", 0, 1, 22, "t1-z").Valid("T1", "SAT", 8, 60, 40, "t1-a").Valid("T1", "SAT", 8, 56, 44, "t1-y");
        d.Valid("T2", "SAT", 0, 0, 25, "adm-a").Valid("T2", "SAT", 0, 0, 30, "adm-B").Valid("T2", "SAT", 6, 40, 47, "adm-c").Valid("T2", "SAT", 6, 40, 50, "adm-D");
        d.Valid("T3", "SAT", 0, 0, 30, "t3-p").Valid("T3", "SAT", 0, 5, 35, "t3-q");
        d.Invalid("T4", "SAT", 0, 0, "t4-x").Valid("T4", "SAT", 1, 7, 30, "t4-1").Valid("T4", "SAT", 5, 35, 40, "t4-5");
        d.Invalid("T5", "SAT", 0, 0, "t5-x").Invalid("T5", "SAT", 4, 28, "t5-y");
        d.Valid("T6", "SAT", 0, 0, 33, "t6-0").Invalid("T6", "SAT", 9, 63, "t6-x");
        return d;
    }

    private static void AssertTieRules(IReadOnlyList<EpisodeOutcome> outcomes)
    {
        var o = outcomes.ToDictionary(x => x.Episode.EpisodeRef);
        Assert.Equal(["T1", "T2", "T3", "T4", "T6"], o.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("t1-z", 22.0, 1), (o["T1"].Baseline.AdministrationRef, o["T1"].Baseline.Score, o["T1"].Baseline.DaysSinceIntake));
        Assert.Equal(("t1-y", 44.0, 56), (o["T1"].Final!.AdministrationRef, o["T1"].Final!.Score, o["T1"].Final!.DaysSinceIntake));
        Assert.Equal(4, o["T1"].ValidAdministrations);
        Assert.Equal(("adm-B", 30.0), (o["T2"].Baseline.AdministrationRef, o["T2"].Baseline.Score));
        Assert.Equal(("adm-D", 50.0), (o["T2"].Final!.AdministrationRef, o["T2"].Final!.Score));
        Assert.Equal("t3-p", o["T3"].Baseline.AdministrationRef);
        Assert.Null(o["T3"].Final);
        Assert.False(o["T3"].Paired);
        Assert.Equal((1, 30.0), (o["T4"].Baseline.SessionNumber, o["T4"].Baseline.Score));
        Assert.Equal((5, 40.0), (o["T4"].Final!.SessionNumber, o["T4"].Final!.Score));
        Assert.Equal(2, o["T4"].ValidAdministrations);
        Assert.Null(o["T6"].Final);
        Assert.Equal(10.0, o["T4"].Change);
    }

    [Fact]
    public void In_memory_twin_applies_the_tie_rules() => AssertTieRules(TieData().Outcomes().ToList());

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Store_applies_the_tie_rules_and_skips_invalid_administrations(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        await StoreSeeder.SeedAsync(store, TieData());

        var outcomes = await OutcomeReader.EpisodeOutcomesAsync(store, Catalog.Default).ToListAsync();
        AssertTieRules(outcomes);
        Assert.Equal(outcomes.Select(x => x.Episode.EpisodeRef).ToList(), outcomes.Select(x => x.Episode.EpisodeRef).Order(StringComparer.Ordinal).ToList());

        // The aggregate stage reads the same selection: T5 is in no group, T3 and T6 are unpaired.
        var run = await AggregateStage.RunAsync(store, Catalog.Default, 1, null, new FakeTimeProvider(DateTimeOffset.UnixEpoch), default);
        var row = run.Aggregates.Single(r => r.PresentingConcern == "low_desire" && r.Approach == "cbt" && r.Population == "all");
        Assert.Equal(5, row.NEpisodes);
        Assert.Equal(3, row.NPaired);
        Assert.Equal((22.0 + 30 + 30) / 3, row.BaselineMean!.Value, 13);
        Assert.Equal((44.0 + 50 + 40) / 3, row.FinalMean!.Value, 13);
    }

    /// <summary>
    /// A PostgreSQL database whose default collation is ICU en-US sorts "adm-a" before "adm-B"; the
    /// queries compare pseudonyms byte-wise (COLLATE "C") so the pick still matches SQLite's.
    /// </summary>
    [SkippableFact]
    public async Task Postgres_with_a_language_collation_still_breaks_ties_byte_wise()
    {
        var server = TestStores.PostgresServer;
        Skip.If(server is null, $"{TestStores.PostgresVariable} is not set: run tests through tests/run.sh to include PostgreSQL");
        var name = "t_icu_" + Guid.NewGuid().ToString("N")[..12];
        await using (var c = new NpgsqlConnection(server))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'", c);
            await cmd.ExecuteNonQueryAsync();
            await using var check = new NpgsqlCommand("SELECT 'adm-a' < 'adm-B' COLLATE \"en-US-x-icu\"", c);
            Assert.True((bool)(await check.ExecuteScalarAsync())!); // the trap is real in this collation
        }
        await using var store = await Store.OpenAsync(StoreLocation.Parse(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString));
        await StoreSeeder.SeedAsync(store, TieData());
        AssertTieRules(await OutcomeReader.EpisodeOutcomesAsync(store, Catalog.Default).ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task Episodes_and_scored_administrations_stream_out_of_the_store(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        var data = TieData();
        await StoreSeeder.SeedAsync(store, data);

        var episodes = await OutcomeReader.EpisodesAsync(store).ToListAsync();
        Assert.Equal(data.Episodes.Select(e => e.Info).ToList(), episodes);

        var scored = await OutcomeReader.ScoredAdministrationsAsync(store).ToListAsync();
        Assert.Equal(data.Administrations.Count(a => a.Score is not null), scored.Count);
        Assert.DoesNotContain(scored, a => a.AdministrationRef.EndsWith("-x", StringComparison.Ordinal) || a.AdministrationRef == "t5-y");
        var t1 = scored.Where(a => a.EpisodeRef == "T1").Select(a => a.AdministrationRef).ToList();
        Assert.Equal(["t1-z", "t1-b", "t1-y", "t1-a"], t1); // session, then days since intake
    }
}
