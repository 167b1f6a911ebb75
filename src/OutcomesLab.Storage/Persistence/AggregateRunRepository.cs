using System.Globalization;
using Dapper;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

namespace OutcomesLab.Storage.Persistence;

/// <summary>
/// Versioned aggregate runs in the store (migration 0002): each run keeps its published
/// (suppressed) rows, when it ran, min_cell and the batches it covers. Reports and jobs read the
/// latest run here instead of recomputing.
/// </summary>
public static class AggregateRunRepository
{
    /// <summary>The newest stored run with all its rows, or null when none has been run.</summary>
    public static async Task<AggregateRun?> LatestAsync(Store store, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var head = await c.QuerySingleOrDefaultAsync<RunHead>(new CommandDefinition(store.Sql["AggregateRuns_Latest"], cancellationToken: ct));
        return head is null ? null : await LoadAsync(store, c, head, ct);
    }

    /// <summary>One stored run by id, or null.</summary>
    public static async Task<AggregateRun?> GetAsync(Store store, long runId, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var head = await c.QuerySingleOrDefaultAsync<RunHead>(new CommandDefinition(store.Sql["AggregateRuns_Get"], new { runId }, cancellationToken: ct));
        return head is null ? null : await LoadAsync(store, c, head, ct);
    }

    /// <summary>A few facts about the newest run for <c>status</c> (no rows loaded), or null when none has been run.</summary>
    public static async Task<AggregateRunSummary?> LatestSummaryAsync(Store store, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var head = await c.QuerySingleOrDefaultAsync<RunHead>(new CommandDefinition(store.Sql["AggregateRuns_Latest"], cancellationToken: ct));
        if (head is null) return null;
        var batches = (await c.QueryAsync<BatchRow>(new CommandDefinition(store.Sql["AggregateRunBatches_List"], new { runId = head.run_id }, cancellationToken: ct))).ToList();
        var newer = await c.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql["AggregateRuns_CountNewerBatches"], new { runId = head.run_id }, cancellationToken: ct));
        return new AggregateRunSummary(head.run_id, head.CreatedAt, checked((int)head.min_cell), batches.Count, batches.LastOrDefault()?.batch_name,
            head.episodes, checked((int)head.aggregate_rows), checked((int)head.trajectory_rows), checked((int)head.trend_rows),
            checked((int)head.suppressed_rows), newer);
    }

    /// <summary>Stores a computed run in one write transaction and returns it with its new id.</summary>
    public static async Task<AggregateRun> SaveAsync(Store store, AggregateRunContent run, CancellationToken ct)
    {
        await using var c = await store.ConnectAsync(ct);
        await using var tx = await store.BeginWriteAsync(c, ct);
        var suppressedRows = run.Aggregates.Count(r => r.Suppressed) + run.Trajectories.Count(r => r.Suppressed) + run.Trends.Count(r => r.Suppressed);
        var runId = await c.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql["AggregateRuns_Insert"], new
        {
            createdAt = run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            minCell = run.MinCell,
            catalogFingerprint = run.CatalogFingerprint,
            episodes = run.Episodes,
            episodeOutcomes = run.EpisodeOutcomes,
            aggregateRows = run.Aggregates.Count,
            trajectoryRows = run.Trajectories.Count,
            trendRows = run.Trends.Count,
            suppressedRows,
        }, tx, cancellationToken: ct));

        await RowInserter.InsertAsync(c, tx, store.Sql["AggregateRunBatches_Insert"], run.Batches, (b, i) =>
            [("runId", runId), ("ordinal", i), ("contentHash", b.ContentHash), ("batchName", b.Name)], ct);
        await RowInserter.InsertAsync(c, tx, store.Sql["AggregateRunAggregates_Insert"], run.Aggregates, (r, i) =>
        [
            ("RunId", runId), ("RowNo", i), ("Instrument", r.Instrument), ("PresentingConcern", r.PresentingConcern),
            ("Approach", r.Approach), ("Population", r.Population), ("NEpisodes", r.NEpisodes), ("NPaired", r.NPaired),
            ("BaselineMean", r.BaselineMean), ("BaselineSd", r.BaselineSd), ("FinalMean", r.FinalMean), ("FinalSd", r.FinalSd),
            ("ChangeMean", r.ChangeMean), ("ChangeSd", r.ChangeSd), ("RPrePost", r.RPrePost), ("EffectSizeG", r.EffectSizeG),
            ("GCiLow", r.GCiLow), ("GCiHigh", r.GCiHigh), ("NReliablyImproved", r.NReliablyImproved),
            ("PctReliablyImproved", r.PctReliablyImproved), ("NReliablyDeteriorated", r.NReliablyDeteriorated),
            ("PctReliablyDeteriorated", r.PctReliablyDeteriorated), ("NClinicalBaseline", r.NClinicalBaseline),
            ("NRecovered", r.NRecovered), ("PctRecovered", r.PctRecovered), ("NReliablyRecovered", r.NReliablyRecovered),
            ("PctReliablyRecovered", r.PctReliablyRecovered), ("Suppressed", r.Suppressed ? 1 : 0),
        ], ct);
        await RowInserter.InsertAsync(c, tx, store.Sql["AggregateRunTrajectories_Insert"], run.Trajectories, (r, i) =>
        [
            ("RunId", runId), ("RowNo", i), ("Instrument", r.Instrument), ("PresentingConcern", r.PresentingConcern),
            ("Approach", r.Approach), ("SessionNumber", r.SessionNumber), ("N", r.N), ("Mean", r.Mean), ("Sd", r.Sd),
            ("CiLow", r.CiLow), ("CiHigh", r.CiHigh), ("Suppressed", r.Suppressed ? 1 : 0),
        ], ct);
        await RowInserter.InsertAsync(c, tx, store.Sql["AggregateRunTrends_Insert"], run.Trends, (r, i) =>
        [
            ("RunId", runId), ("RowNo", i), ("Instrument", r.Instrument), ("PresentingConcern", r.PresentingConcern),
            ("Approach", r.Approach), ("IntakeQuarter", r.IntakeQuarter), ("NPaired", r.NPaired), ("EffectSizeG", r.EffectSizeG),
            ("GCiLow", r.GCiLow), ("GCiHigh", r.GCiHigh), ("PctReliablyImproved", r.PctReliablyImproved), ("Suppressed", r.Suppressed ? 1 : 0),
        ], ct);
        await tx.CommitAsync(ct);
        return new AggregateRun(runId, run.CreatedAt, run.MinCell, run.Batches.Select(b => b.Name).ToList(),
            run.Aggregates, run.Trajectories, run.Trends);
    }

    private static async Task<AggregateRun> LoadAsync(Store store, System.Data.Common.DbConnection c, RunHead head, CancellationToken ct)
    {
        var p = new { runId = head.run_id };
        var batches = await c.QueryAsync<BatchRow>(new CommandDefinition(store.Sql["AggregateRunBatches_List"], p, cancellationToken: ct));
        var aggregates = await c.QueryAsync<StoredAggregate>(new CommandDefinition(store.Sql["AggregateRunAggregates_List"], p, cancellationToken: ct));
        var trajectories = await c.QueryAsync<StoredTrajectory>(new CommandDefinition(store.Sql["AggregateRunTrajectories_List"], p, cancellationToken: ct));
        var trends = await c.QueryAsync<StoredTrend>(new CommandDefinition(store.Sql["AggregateRunTrends_List"], p, cancellationToken: ct));
        return new AggregateRun(head.run_id, head.CreatedAt, checked((int)head.min_cell),
            batches.Select(b => b.batch_name).ToList(),
            aggregates.Select(a => a.ToRow()).ToList(),
            trajectories.Select(t => t.ToRow()).ToList(),
            trends.Select(t => t.ToRow()).ToList());
    }

#pragma warning disable IDE1006, CA1707 // Dapper maps snake_case columns onto these names.
    private sealed class RunHead
    {
        public long run_id { get; set; }
        public string created_at { get; set; } = "";
        public long min_cell { get; set; }
        public string catalog_fingerprint { get; set; } = "";
        public long episodes { get; set; }
        public long episode_outcomes { get; set; }
        public long aggregate_rows { get; set; }
        public long trajectory_rows { get; set; }
        public long trend_rows { get; set; }
        public long suppressed_rows { get; set; }

        public DateTimeOffset CreatedAt => DateTimeOffset.Parse(created_at, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    private sealed class BatchRow
    {
        public string content_hash { get; set; } = "";
        public string batch_name { get; set; } = "";
    }

    private sealed class StoredAggregate
    {
        public string instrument { get; set; } = "";
        public string presenting_concern { get; set; } = "";
        public string approach { get; set; } = "";
        public string population { get; set; } = "";
        public long? n_episodes { get; set; }
        public long? n_paired { get; set; }
        public double? baseline_mean { get; set; }
        public double? baseline_sd { get; set; }
        public double? final_mean { get; set; }
        public double? final_sd { get; set; }
        public double? change_mean { get; set; }
        public double? change_sd { get; set; }
        public double? r_pre_post { get; set; }
        public double? effect_size_g { get; set; }
        public double? g_ci_low { get; set; }
        public double? g_ci_high { get; set; }
        public long? n_reliably_improved { get; set; }
        public double? pct_reliably_improved { get; set; }
        public long? n_reliably_deteriorated { get; set; }
        public double? pct_reliably_deteriorated { get; set; }
        public long? n_clinical_baseline { get; set; }
        public long? n_recovered { get; set; }
        public double? pct_recovered { get; set; }
        public long? n_reliably_recovered { get; set; }
        public double? pct_reliably_recovered { get; set; }
        public long suppressed { get; set; }

        public AggregateRow ToRow() => new(instrument, presenting_concern, approach, population, n_episodes, n_paired,
            baseline_mean, baseline_sd, final_mean, final_sd, change_mean, change_sd, r_pre_post, effect_size_g, g_ci_low, g_ci_high,
            n_reliably_improved, pct_reliably_improved, n_reliably_deteriorated, pct_reliably_deteriorated, n_clinical_baseline,
            n_recovered, pct_recovered, n_reliably_recovered, pct_reliably_recovered, suppressed != 0);
    }

    private sealed class StoredTrajectory
    {
        public string instrument { get; set; } = "";
        public string presenting_concern { get; set; } = "";
        public string approach { get; set; } = "";
        public long session_number { get; set; }
        public long? n { get; set; }
        public double? mean { get; set; }
        public double? sd { get; set; }
        public double? ci_low { get; set; }
        public double? ci_high { get; set; }
        public long suppressed { get; set; }

        public TrajectoryRow ToRow() => new(instrument, presenting_concern, approach, checked((int)session_number), n, mean, sd, ci_low, ci_high, suppressed != 0);
    }

    private sealed class StoredTrend
    {
        public string instrument { get; set; } = "";
        public string presenting_concern { get; set; } = "";
        public string approach { get; set; } = "";
        public string intake_quarter { get; set; } = "";
        public long? n_paired { get; set; }
        public double? effect_size_g { get; set; }
        public double? g_ci_low { get; set; }
        public double? g_ci_high { get; set; }
        public double? pct_reliably_improved { get; set; }
        public long suppressed { get; set; }

        public TrendRow ToRow() => new(instrument, presenting_concern, approach, intake_quarter, n_paired, effect_size_g, g_ci_low, g_ci_high,
            pct_reliably_improved, suppressed != 0);
    }
#pragma warning restore IDE1006, CA1707
}
