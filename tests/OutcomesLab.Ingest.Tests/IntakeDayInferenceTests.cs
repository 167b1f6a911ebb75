using System.Globalization;
using Dapper;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// Adversarial: an attacker holding the store (not the key) and knowing the code bounds each episode's
/// calendar intake day by every field the store keeps — intake month, any end period with the day
/// offset, the key-shifted day numbers and their known shift range, and the dates of the batches the
/// episode's and its administrations' rows came in (nothing is dated after its export). No episode
/// may be left with one possible day.
/// </summary>
public class IntakeDayInferenceTests
{
    private const int MaxShift = 3652; // PseudonymKey.DayShift: 0..3652, public in the code

    [Fact]
    public async Task No_stored_episode_has_exactly_one_calendar_intake_day_consistent_with_what_the_store_keeps()
    {
        using var folder = new TempFolder();
        var drop = Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 3000, Seed = 3 });
        await using var h = await IngestHarness.CreateAsync(Dialect.Sqlite);
        await h.PullAsync(drop);

        await using var c = await h.Store.ConnectAsync();
        var batchDays = new Dictionary<string, int>();
        foreach (var (name, ingestedAt) in await c.QueryAsync<(string, string)>("SELECT batch_name, ingested_at FROM batches"))
        {
            var bound = DateOnly.FromDateTime(DateTimeOffset.Parse(ingestedAt, CultureInfo.InvariantCulture).UtcDateTime).DayNumber;
            if (DateTime.TryParseExact(name, "yyyy-MM-dd'T'HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exported))
                bound = Math.Min(bound, DateOnly.FromDateTime(exported).DayNumber);
            batchDays[name] = bound;
        }
        // Latest day each administration row can be dated, as an offset bound on intake: intake + days ≤ batch day.
        var administrationBounds = (await c.QueryAsync<(string Episode, long Day, string Batch)>(
                "SELECT episode_ref, administered_day, batch_name FROM administrations UNION ALL SELECT episode_ref, administered_day, batch_name FROM pending_answers"))
            .ToLookup(a => a.Episode);

        var episodes = (await c.QueryAsync("SELECT * FROM episodes")).Cast<IDictionary<string, object?>>().ToList();
        Assert.True(episodes.Count > 2000);
        Assert.True(episodes.Count(e => e["end_day_offset"] is not null) > 500);
        var pinned = 0;
        foreach (var e in episodes)
        {
            var month = Month((string)e["intake_month"]!);
            var intakeDay = Convert.ToInt32(e["intake_day"], CultureInfo.InvariantCulture);
            int? offset = e["end_day_offset"] is { } o ? Convert.ToInt32(o, CultureInfo.InvariantCulture) : null;
            int low = Math.Max(month.First, intakeDay - MaxShift), high = Math.Min(month.Last, intakeDay);
            foreach (var column in e.Keys.Where(k => k.StartsWith("end_", StringComparison.Ordinal) && k != "end_day_offset" && k != "end_reason"))
            {
                // Any end period kept beside the offset: intake + offset falls inside it.
                if (e[column] is not string period || offset is null) continue;
                var end = Period(period);
                low = Math.Max(low, end.First - offset.Value);
                high = Math.Min(high, end.Last - offset.Value);
            }
            if (batchDays.TryGetValue((string)e["batch_name"]!, out var episodeBatch)) high = Math.Min(high, episodeBatch - (offset ?? 0));
            foreach (var a in administrationBounds[(string)e["episode_ref"]!])
                if (batchDays.TryGetValue(a.Batch, out var adminBatch)) high = Math.Min(high, adminBatch - (int)(a.Day - intakeDay));
            Assert.True(high >= low, "the true intake day must stay consistent with what is stored");
            if (high == low) pinned++;
        }
        Assert.Equal(0, pinned);
    }

    private static (int First, int Last) Month(string yyyyMm)
    {
        var first = DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (first.DayNumber, first.AddMonths(1).DayNumber - 1);
    }

    /// <summary>A kept period: YYYY-MM, or a quarter as YYYY-Qn.</summary>
    private static (int First, int Last) Period(string period)
    {
        if (period.Length == 7 && period[5] == 'Q')
        {
            var first = new DateOnly(int.Parse(period[..4], CultureInfo.InvariantCulture), 3 * (period[6] - '1') + 1, 1);
            return (first.DayNumber, first.AddMonths(3).DayNumber - 1);
        }
        return Month(period);
    }
}
