using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest;

/// <summary>
/// Pulls a CSV drop folder through the gate into the store. Each batch is one transaction together
/// with its "done" mark (the batches row) and its refusals, so a process killed mid-batch leaves
/// the store as if the batch never started; writers are serialised by the store's write lock.
/// </summary>
public sealed class Ingestor(Store store, GateOptions options, PseudonymKey key, TimeProvider time)
{
    private readonly Gate gate = new(options, key);

    /// <summary>Runs between a batch's first hash and its read: lets a test change a file at the worst moment.</summary>
    internal Action<DropBatch>? AfterHash { get; init; }

    public async Task<PullSummary> PullAsync(string dropFolder, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(dropFolder);
        var batches = DropFolder.ListBatches(source);
        await using var c = await store.ConnectAsync(ct);
        try
        {
            return await PullOnAsync(c, source, batches, progress, ct);
        }
        finally
        {
            // The pull's connection took big caches and temp tables (Pull_PrepareConnection): close it
            // rather than leave it idle in the pool holding them (a serve process lives on after a pull).
            if (c is SqliteConnection sqlite) SqliteConnection.ClearPool(sqlite);
        }
    }

    private async Task<PullSummary> PullOnAsync(DbConnection c, string source, IReadOnlyList<DropBatch> batches,
        IProgress<IngestProgress>? progress, CancellationToken ct)
    {
        if (store.Dialect == Dialect.Sqlite)
        {
            await c.ExecuteAsync(store.Sql["Connection_SortOnFiles"]);
            await c.ExecuteAsync(store.Sql["Pull_PrepareConnection"]);
        }
        await PrepareStoreAsync(c, ct);
        await using var owner = await PullOwner.ClaimAsync(store, c, ct);
        await MarkDiedPullsAsync(c, ct);
        var pullId = await c.ExecuteScalarAsync<long>(store.Sql["Pulls_Start"],
            new { source, startedAt = time.GetUtcNow().ToString("O"), owner = owner.Token });
        var pull = new PullTotals();
        try
        {
            for (var i = 0; i < batches.Count; i++)
            {
                var index = i;
                if (batches[i].Refused is { } refused)
                {
                    await RecordRefusedBatchAsync(c, pullId, refused, pull, ct);
                    continue;
                }
                await IngestBatchAsync(c, pullId, batches[i], pull,
                    bytes => progress?.Report(new IngestProgress(batches[index].Name, index, batches.Count, bytes, batches[index].TotalBytes)), ct);
            }
            await EnsureReadOrderAsync(c, ct);
            pull.Pending = await c.ExecuteScalarAsync<long>(store.Sql["PendingAnswers_Count"]);
            var summary = pull.ToSummary(pullId, source);
            await FinishAsync(c, summary, "done", null);
            return summary;
        }
        catch (Exception e)
        {
            // The failed batch rolled back; earlier batches stay done. Record why, by kind only.
            await FinishAsync(c, pull.ToSummary(pullId, source), "failed", e.GetType().Name);
            try
            {
                await EnsureReadOrderAsync(c, CancellationToken.None);
            }
            catch (DbException)
            {
                // Readers do not need the index, only go faster with it; the next pull builds it.
            }
            throw;
        }
    }

    /// <summary>Pulls still marked running whose process is gone are marked died (their done batches stay).</summary>
    private async Task MarkDiedPullsAsync(DbConnection c, CancellationToken ct)
    {
        foreach (var (pullId, owner) in await c.QueryAsync<(long PullId, string? Owner)>(store.Sql["Pulls_ListRunning"]))
        {
            if (!await PullOwner.IsAliveAsync(store, c, owner, ct))
                await c.ExecuteAsync(store.Sql["Pulls_MarkDied"], new { pullId, finishedAt = time.GetUtcNow().ToString("O") });
        }
    }

    private Task FinishAsync(DbConnection c, PullSummary s, string status, string? error) =>
        c.ExecuteAsync(store.Sql["Pulls_Finish"], new
        {
            s.PullId, FinishedAt = time.GetUtcNow().ToString("O"), Status = status, s.BatchesNew, s.BatchesSeen,
            s.EpisodesStored, s.EpisodesUpdated, s.AnswersStored, s.AnswersUpdated, s.AnswersPending, s.PendingResolved,
            s.RowsRefused, s.FilesRefused, Error = error,
        });

    /// <summary>Checks the key belongs to this store and brings the store's scoring tables in line with the catalog.</summary>
    private async Task PrepareStoreAsync(DbConnection c, CancellationToken ct)
    {
        await using var tx = await store.BeginWriteAsync(c, ct);
        if (!await StoreKeyCheck.VerifyAsync(c, store, key, tx)) await StoreKeyCheck.RecordAsync(c, store, key, tx);

        var catalog = options.Catalog;
        var stored = await c.QuerySingleOrDefaultAsync<string>(store.Sql["StoreMeta_Get"], new { key = "catalog" }, tx);
        if (stored != catalog.Fingerprint())
        {
            await c.ExecuteAsync(store.Sql["Catalog_Clear"], transaction: tx);
            await c.ExecuteAsync(store.Sql["CatalogInstruments_Insert"], catalog.Instruments.Values.Select(i => new
            {
                Instrument = i.Code, ItemCount = i.Items.Count, i.MinAnswered,
                Scoring = i.Scoring == ScoreMethod.Sum ? "sum" : "mean",
            }), tx);
            await c.ExecuteAsync(store.Sql["CatalogItems_Insert"], catalog.Instruments.Values.SelectMany(i => i.Items.Select(item => new
            {
                Instrument = i.Code, Item = item, i.ItemMin, i.ItemMax, Reverse = i.ReverseItems.Contains(item) ? 1 : 0,
            })), tx);
            // A changed catalog changes scores: rescore everything already stored.
            await c.ExecuteAsync(store.Sql["Stage_Clear"], transaction: tx);
            await c.ExecuteAsync(store.Sql["Administrations_TouchAll"], transaction: tx);
            await Exec(c, tx, "Administrations_RescoreTouched", ct);
            await c.ExecuteAsync(store.Sql["Stage_Clear"], transaction: tx);
            await c.ExecuteAsync(store.Sql["StoreMeta_Set"], new { key = "catalog", value = catalog.Fingerprint() }, tx);
        }
        // A pull killed after deferring the read-order index left it to this one.
        if (store.Dialect == Dialect.Sqlite) await Exec(c, tx, "Administrations_EnsureReadOrder", ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Builds the aggregate's read-order index when a batch of this pull deferred it (a no-op otherwise).</summary>
    private async Task EnsureReadOrderAsync(DbConnection c, CancellationToken ct)
    {
        if (store.Dialect != Dialect.Sqlite) return;
        await using var tx = await store.BeginWriteAsync(c, ct);
        await Exec(c, tx, "Administrations_EnsureReadOrder", ct);
        await tx.CommitAsync(ct);
    }

    private async Task IngestBatchAsync(DbConnection c, long pullId, DropBatch batch, PullTotals pull, Action<long> progress, CancellationToken ct)
    {
        var hash = batch.ContentHash();
        AfterHash?.Invoke(batch);
        await using var tx = await store.BeginWriteAsync(c, ct);
        // Checked inside the write lock: a second ingest waiting on the lock sees the first one's mark.
        if (await Scalar(c, tx, "Batches_Exists", new { hash }) > 0)
        {
            await tx.RollbackAsync(ct);
            pull.BatchesSeen++;
            pull.Batches.Add(new BatchOutcome(batch.Name, hash, false));
            return;
        }
        var counts = new BatchTotals();
        await Exec(c, tx, "Stage_Clear", ct);
        long bytes = 0, reported = 0;
        void Advance(long n)
        {
            // Report about every 256 KiB: per-row reports would cost more than the rows.
            bytes += n;
            if (bytes - reported < 1 << 18) return;
            reported = bytes;
            progress(bytes);
        }

        // Files in name order, each hashed as it is read, so the stored hash is of the bytes the gate read.
        using var reading = new BatchHash(batch.DropRealPath);
        var strays = 0;
        foreach (var file in batch.Files)
        {
            if (file.Kind == DropFileKind.Stray)
            {
                // The stray file's name is withheld: a file name can itself identify someone.
                var problem = reading.AddWhole(file);
                counts.Refuse(new Refusal(batch.Name, $"unexpected file {++strays}", null, null,
                    problem is null ? "not episodes.csv or responses.csv; not read" : $"not episodes.csv or responses.csv; {problem}", true), wholeFile: true);
                continue;
            }
            var source = file.Kind == DropFileKind.Episodes ? batch.Episodes! : batch.Responses!;
            using var stream = reading.Open(file, out var openProblem);
            if (stream is null)
            {
                counts.Refuse(source.Refuse(null, null, openProblem!, wholeFile: true), wholeFile: true);
                continue;
            }
            if (file.Kind == DropFileKind.Episodes) await MergeEpisodesAsync(c, tx, batch, source, stream, counts, Advance, ct);
            else await MergeResponsesAsync(c, tx, batch, source, stream, counts, Advance, ct);
        }
        var readHash = reading.Finish();
        if (readHash != hash)
        {
            // A file changed between the first hash and the read: nothing of the batch is kept, and the
            // next pull reads it afresh. Stored, the original's hash would mark an unread export as done.
            await tx.RollbackAsync(ct);
            await RecordRefusedBatchAsync(c, pullId, new Refusal(batch.Name, "(batch folder)", null, null,
                "batch changed while it was being read; not stored, it is read again on the next pull", true), pull, ct);
            return;
        }
        await FinishBatchAsync(c, tx, pullId, batch, hash, counts, pull, ct);
    }

    private async Task MergeEpisodesAsync(DbConnection c, DbTransaction tx, DropBatch batch, SourceFile episodes, HashingStream stream,
        BatchTotals counts, Action<long> advance, CancellationToken ct)
    {
        if (StageFile(c, tx, episodes, stream, counts, advance, ct))
        {
            foreach (var line in await c.QueryAsync<long>(store.Sql["StageEpisodes_RefuseDuplicates"], transaction: tx, commandTimeout: 0))
                counts.Refuse(episodes.Refuse(line, "episode_id", "episode_id appears more than once in this file"));
            var staged = await Scalar(c, tx, "StageEpisodes_Count");
            var existing = await Scalar(c, tx, "Episodes_CountExisting");
            await Exec(c, tx, "Episodes_Upsert", ct, new { batch = batch.Name });
            counts.EpisodesStored += staged - existing;
            counts.EpisodesUpdated += existing;
        }
    }

    private async Task MergeResponsesAsync(DbConnection c, DbTransaction tx, DropBatch batch, SourceFile responses, HashingStream stream,
        BatchTotals counts, Action<long> advance, CancellationToken ct)
    {
        if (StageFile(c, tx, responses, stream, counts, advance, ct))
        {
            await PrepareStageAsync(c, tx, ct);
            // Each check reads the staged answers only when the runs say it has something to find.
            // Only an administration over several runs can disagree with itself (runs split on any header
            // change), and only a flagged run or a split one can repeat an item.
            var split = await Scalar(c, tx, "StageAdmins_CountSplit");
            if (split > 0 || await Scalar(c, tx, "StageAdmins_CountItemRepeated") > 0)
            {
                await Exec(c, tx, "StageBad_Find", ct);
                if (split > 0) await Exec(c, tx, "StageBad_FindSplitRepeats", ct);
            }
            if (await Scalar(c, tx, "StageBad_Count") > 0)
            {
                foreach (var bad in await c.QueryAsync<Inconsistency>(store.Sql["StageAnswers_FindInconsistent"], transaction: tx, commandTimeout: 0))
                    counts.Refuse(responses.Refuse(bad.Line, bad.Column, bad.Rule));
                await Exec(c, tx, "StageAnswers_DeleteInconsistent", ct);
            }
            if (await Scalar(c, tx, "StageAdmins_CountPending") > 0)
            {
                counts.AnswersPending += await Exec(c, tx, "StageAnswers_HoldPending", ct);
                await Exec(c, tx, "StageAnswers_DeletePending", ct);
            }
            // A batch that sorts after every ingested batch and gives each administration in one run
            // (the usual export) needs no newest-wins ranking and no grouping of runs.
            var newest = await c.ExecuteScalarAsync<string?>(store.Sql["Batches_NewestName"], transaction: tx);
            var inOrder = split == 0 && (newest is null || string.CompareOrdinal(batch.Name, newest) >= 0);
            var (stored, updated) = await MergeStagedAnswersAsync(c, tx, counts, inOrder, ct);
            counts.AnswersStored += stored;
            counts.AnswersUpdated += updated;
        }
    }

    private async Task FinishBatchAsync(DbConnection c, DbTransaction tx, long pullId, DropBatch batch, string hash, BatchTotals counts,
        PullTotals pull, CancellationToken ct)
    {
        // Answers held pending by earlier batches whose episode has now arrived.
        await Exec(c, tx, "StageAnswers_Clear", ct);
        var released = await Exec(c, tx, "PendingAnswers_Release", ct);
        if (released > 0)
        {
            await PrepareStageAsync(c, tx, ct);
            await Exec(c, tx, "PendingAnswers_DeleteReleased", ct);
            var (stored, updated) = await MergeStagedAnswersAsync(c, tx, counts, inOrder: false, ct);
            counts.AnswersStored += stored;
            counts.AnswersUpdated += updated;
            counts.PendingResolved += stored + updated;
        }

        await Exec(c, tx, "Administrations_RescoreTouched", ct);
        await Exec(c, tx, "Stage_Clear", ct);
        await c.ExecuteAsync(store.Sql["Refusals_Insert"], counts.Refusals.Select(r => new
        {
            PullId = pullId, r.Batch, r.File, r.Line, r.Column, r.Rule, WholeFile = r.WholeFile ? 1 : 0,
        }), tx);
        await c.ExecuteAsync(store.Sql["Batches_Insert"], new
        {
            ContentHash = hash, BatchName = batch.Name, Source = batch.Folder, PullId = pullId,
            IngestedAt = time.GetUtcNow().ToString("O"), counts.EpisodesStored, counts.EpisodesUpdated,
            counts.AnswersStored, counts.AnswersUpdated, counts.AnswersPending, counts.RowsRefused, counts.FilesRefused,
        }, tx);
        await tx.CommitAsync(ct);
        pull.Add(batch, hash, counts);
    }

    /// <summary>A batch refused as a whole (its folder, or a change while it was read): one refusal of its own, nothing else.</summary>
    private async Task RecordRefusedBatchAsync(DbConnection c, long pullId, Refusal refusal, PullTotals pull, CancellationToken ct)
    {
        await using var tx = await store.BeginWriteAsync(c, ct);
        await c.ExecuteAsync(store.Sql["Refusals_Insert"], new
        {
            PullId = pullId, refusal.Batch, refusal.File, refusal.Line, refusal.Column, refusal.Rule, WholeFile = 1,
        }, tx);
        await tx.CommitAsync(ct);
        pull.AddRefused(refusal);
    }

    /// <summary>Merges stage_answers into administrations and answers; returns (stored, updated) answers.</summary>
    /// <remarks>
    /// <paramref name="inOrder"/>: the staged rows are one batch's own, and that batch sorts after every
    /// ingested one, so no stored record can be newer and no (administration, item) repeats; and every
    /// staged administration is one run (one stage_admins row).
    /// </remarks>
    private async Task<(long Stored, long Updated)> MergeStagedAnswersAsync(DbConnection c, DbTransaction tx, BatchTotals counts,
        bool inOrder, CancellationToken ct)
    {
        if (await Scalar(c, tx, "StageAdmins_CountBeforeIntake") > 0)
        {
            foreach (var row in await c.QueryAsync<SourceRow>(store.Sql["StageAnswers_FindBeforeIntake"], transaction: tx, commandTimeout: 0))
                counts.Refuse(new Refusal(row.Batch, row.File, row.Line, "administered_date", "administered_date is before the episode's intake_date", false));
            await Exec(c, tx, "StageAnswers_DeleteBeforeIntake", ct);
        }
        var staged = await Scalar(c, tx, "StageAnswers_Count");
        if (staged == 0) return (0, 0);
        var maxBefore = await Scalar(c, tx, "Administrations_MaxId");
        // A bulk merge (at least a quarter as many administrations as the store holds, ids standing in
        // for the count) leaves the read-order index to the end of the pull: rebuilding it once costs
        // less than keeping it up to date entry by entry (Administrations_DeferReadOrder). SQLite only:
        // on PostgreSQL dropping an index locks the table against every reader until the commit.
        if (store.Dialect == Dialect.Sqlite && await Scalar(c, tx, "StageAdmins_Count") * 4 >= maxBefore)
            await Exec(c, tx, "Administrations_DeferReadOrder", ct);
        // Every staged run ends up knowing its administration's id. SQLite finds the stored ones in its
        // pseudonym map first (migration 0009) and its upserts give the new ones ids as they insert;
        // PostgreSQL's upserts go through its unique constraint and the runs look their ids up after.
        if (store.Dialect == Dialect.Sqlite) await Exec(c, tx, "StageAdmins_FindStored", ct);
        await Exec(c, tx, inOrder ? "Administrations_UpsertRuns" : "Administrations_Upsert", ct, new { maxBefore });
        if (store.Dialect == Dialect.Postgres) await Exec(c, tx, "StageAdmins_LinkIds", ct);
        if (inOrder) await Exec(c, tx, "StageAnswers_TouchInOrder", ct, new { maxBefore });
        else await Exec(c, tx, "StageAnswers_Touch", ct);
        var existing = await Scalar(c, tx, "StageAdmins_CountExisting", new { maxBefore }) == 0 ? 0
            : await Scalar(c, tx, "Answers_CountExisting", new { maxBefore });
        if (inOrder)
        {
            await Exec(c, tx, "Answers_UpsertInOrder", ct);
        }
        else
        {
            await Exec(c, tx, "Answers_Upsert", ct);
            await Exec(c, tx, "Answers_InsertOlder", ct);
        }
        return (staged - existing, existing);
    }

    /// <summary>Readies the filled stage tables for the merge: the runs' pseudonym index, and statistics on PostgreSQL.</summary>
    private Task PrepareStageAsync(DbConnection c, DbTransaction tx, CancellationToken ct) => Exec(c, tx, "Stage_Prepare", ct);

    /// <summary>A named statement's one number (a count, a largest id).</summary>
    private Task<long> Scalar(DbConnection c, DbTransaction tx, string name, object? parameters = null) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition(store.Sql[name], parameters, tx, 0));

    private Task<int> Exec(DbConnection c, DbTransaction tx, string name, CancellationToken ct, object? parameters = null) =>
        c.ExecuteAsync(new CommandDefinition(store.Sql[name], parameters, tx, commandTimeout: 0, cancellationToken: ct));

    /// <summary>
    /// Streams one file through the gate into its stage table. Returns false when the whole file is
    /// refused (unknown column, or any value that looks like a direct identifier): its stage rows are
    /// dropped and its row refusals replaced by the one file refusal.
    /// </summary>
    private bool StageFile(DbConnection c, DbTransaction tx, SourceFile file, HashingStream stream, BatchTotals counts, Action<long> advance,
        CancellationToken ct)
    {
        var columns = file.Kind == FileKind.Episodes ? ExchangeFormat.EpisodeColumns : ExchangeFormat.ResponseColumns;
        // The header is read as a plain first row: the reader's own header parsing throws on a repeated
        // name with the whole header row in its message, and a header cell may hold personal data.
        var parse = CsvParse.Start(file, stream);
        var header = parse.Header;
        var map = gate.MapHeader(file, header, out var headerRefusal);
        var fileRefusals = new List<Refusal>();
        long rows = 0;
        Refusal? wholeFile = parse.Failure ?? headerRefusal;
        using (parse)
        using (var writer = file.Kind == FileKind.Episodes ? StageWriter.Episodes(store, c) : StageWriter.Answers(store, c))
        using (var answers = new StagePipe<GatedAnswer>(writer.Add))
        {
            var fields = new string?[columns.Count];
            var prior = new string?[header.Count];
            while (parse.Failure is null && parse.MoveNext())
            {
                var row = parse.Current;
                if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty) continue; // a blank line holds nothing
                rows++;
                advance(row.Span.Length + 1);
                if (wholeFile is not null) continue; // only counting the refused file's rows now
                if ((rows & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                var line = row.LineNumberFrom;
                Array.Clear(fields);
                string? identifierColumn = null, identifierRule = null;
                for (var i = 0; i < row.ColCount; i++)
                {
                    // Most values repeat the row above (ids, instrument, date, session of one
                    // administration): reuse that string, already checked, instead of a new one.
                    var span = row[i].Span.Trim();
                    if (i < prior.Length && prior[i] is { } same && span.SequenceEqual(same))
                    {
                        if (i < map!.Length && map[i] >= 0) fields[map[i]] = same;
                        continue;
                    }
                    var value = new string(span);
                    if (i < prior.Length) prior[i] = value;
                    if (value.Length > 0 && IdentifierDetectors.Detect(value) is { } rule)
                    {
                        identifierColumn = i < map!.Length && map[i] >= 0 ? columns[map[i]] : $"#{i + 1}";
                        identifierRule = rule;
                        break;
                    }
                    if (i < map!.Length && map[i] >= 0) fields[map[i]] = value;
                }
                if (identifierRule is not null)
                {
                    wholeFile = file.Refuse(line, identifierColumn, $"value looks like a direct identifier ({identifierRule})", wholeFile: true);
                    continue;
                }
                if (row.ColCount != header.Count)
                {
                    fileRefusals.Add(file.Refuse(line, null, $"row has {row.ColCount} fields, the header has {header.Count}"));
                    continue;
                }
                if (file.Kind == FileKind.Episodes)
                {
                    if (gate.Episode(file, line, fields, out var refusal) is { } episode) writer.Add(episode);
                    else fileRefusals.Add(refusal!);
                }
                else
                {
                    if (gate.Answer(file, line, fields, out var refusal) is { } answer) answers.Add(answer);
                    else fileRefusals.Add(refusal!);
                }
            }
            // A line the reader cannot take (longer than its limit, say) refuses the file by position.
            wholeFile ??= parse.Failure;
            answers.Complete();
            writer.Complete();
        }
        stream.Drain();
        if (wholeFile is not null)
        {
            c.Execute(store.Sql[file.Kind == FileKind.Episodes ? "StageEpisodes_Clear" : "StageAnswers_Clear"], transaction: tx);
            counts.Refuse(wholeFile with { WholeFile = true }, wholeFile: true, rowsInFile: rows);
            return false;
        }
        foreach (var r in fileRefusals) counts.Refuse(r);
        return true;
    }

    // Bound by property so Dapper converts PostgreSQL's int4 line to long.
    private sealed class SourceRow
    {
        public string Batch { get; set; } = "";
        public string File { get; set; } = "";
        public long Line { get; set; }
    }

    private sealed class Inconsistency
    {
        public long Line { get; set; }
        public int EpisodeDiffers { get; set; }
        public int InstrumentDiffers { get; set; }
        public int DateDiffers { get; set; }
        public int SessionDiffers { get; set; }
        public int ItemRepeated { get; set; }

        public string Column => EpisodeDiffers > 0 ? "episode_id" : InstrumentDiffers > 0 ? "instrument"
            : DateDiffers > 0 ? "administered_date" : SessionDiffers > 0 ? "session_number" : "item";

        public string Rule => ItemRepeated > 0 && EpisodeDiffers + InstrumentDiffers + DateDiffers + SessionDiffers == 0
            ? "the administration answers this item more than once; all its rows are refused"
            : $"rows of one administration disagree on {Column}; all its rows are refused";
    }
}
