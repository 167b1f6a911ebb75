using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

namespace OutcomesLab.Ingest;

/// <summary>
/// Streams gated records of one file into the store's stage tables inside the batch transaction:
/// prepared, reused INSERTs on SQLite; binary COPY on PostgreSQL. Split by dialect in C# because
/// bulk loading has no portable SQL; the statements themselves live in sql/.
/// </summary>
/// <remarks>
/// Answers are staged as runs: consecutive rows of one administration with the same header
/// (episode, instrument, date, session) become one stage_admins row, and each answer row carries only
/// its run id, line, item and value. A header change inside an administration starts a new run, so
/// the merge finds disagreeing administrations over the runs; an item repeated inside a run is
/// flagged here, where the run's few items are at hand.
/// </remarks>
internal abstract class StageWriter : IDisposable
{
    public abstract void Add(GatedEpisode e);
    public abstract void Complete();
    public abstract void Dispose();

    public void Add(GatedAnswer a)
    {
        if (run is null || !run.Holds(a))
        {
            if (run is not null) WriteRun(run);
            run = new Run(++runs, a);
        }
        else if (!run.AddItem(a.Item))
        {
            run.ItemRepeated = true;
        }
        if (a.ScoredValue is { } v)
        {
            run.Answered++;
            run.ScoredTotal += v;
        }
        WriteAnswer(run.Id, a);
    }

    /// <summary>Writes the open run; call before <see cref="Complete"/>.</summary>
    protected void CloseRun()
    {
        if (run is not null) WriteRun(run);
        run = null;
    }

    protected virtual void WriteRun(Run r) => throw new NotSupportedException("this stage writer takes no answers");
    protected virtual void WriteAnswer(long runId, GatedAnswer a) => throw new NotSupportedException("this stage writer takes no answers");

    private Run? run;
    private long runs;

    /// <summary>A run of consecutive answer rows of one administration with one header.</summary>
    protected sealed class Run(long id, GatedAnswer first)
    {
        private readonly List<string> items = [first.Item];
        public long Id { get; } = id;
        public GatedAnswer First { get; } = first;
        public bool ItemRepeated { get; set; }
        /// <summary>Answered items and the sum the score counts: a new administration is scored from these.</summary>
        public int Answered { get; set; }
        public long ScoredTotal { get; set; }

        public bool Holds(GatedAnswer a) =>
            string.Equals(a.AdministrationRef, First.AdministrationRef, StringComparison.Ordinal)
            && string.Equals(a.EpisodeRef, First.EpisodeRef, StringComparison.Ordinal)
            && string.Equals(a.Instrument, First.Instrument, StringComparison.Ordinal)
            && a.AdministeredDay == First.AdministeredDay && a.SessionNumber == First.SessionNumber;

        /// <summary>False when the run already answered this item (a run holds a dozen items or so).</summary>
        public bool AddItem(string item)
        {
            foreach (var seen in items)
                if (string.Equals(seen, item, StringComparison.Ordinal)) return false;
            items.Add(item);
            return true;
        }
    }

    public static StageWriter Episodes(Store store, DbConnection c) => store.Dialect == Dialect.Sqlite
        ? new SqliteStageWriter((SqliteConnection)c, store.Sql["StageEpisodes_Insert"], null)
        : new PostgresStageWriter((NpgsqlConnection)c, store.Sql["StageEpisodes_Copy"], null);

    public static StageWriter Answers(Store store, DbConnection c) => store.Dialect == Dialect.Sqlite
        ? new SqliteStageWriter((SqliteConnection)c, store.Sql["StageAnswers_Insert"], store.Sql["StageAdmins_Insert"], store.Sql["StageAnswers_InsertMany"])
        : new PostgresStageWriter((NpgsqlConnection)c, store.Sql["StageAnswers_Copy"], store.Sql["StageAdmins_Copy"]);

    /// <summary>
    /// Prepared statements stepped per row through SQLitePCL's raw API, binding by position.
    /// ADO.NET parameters are bound by name on every execution, which cost ten times the insert itself.
    /// Runs inside the connection's open transaction (same handle).
    /// </summary>
    private sealed class SqliteStageWriter : StageWriter
    {
        private readonly SQLitePCL.sqlite3 db;
        private readonly SQLitePCL.sqlite3_stmt rows;
        private readonly SQLitePCL.sqlite3_stmt? runRows;
        // Answers go in blocks (one statement execution per block); the last partial block row by row.
        private readonly SQLitePCL.sqlite3_stmt? block;
        private readonly int blockRows;
        private readonly (long Run, long Line, string Item, int? Value)[] pending = [];
        private int pendingCount;

        public SqliteStageWriter(SqliteConnection c, string sql, string? runSql, string? blockSql = null)
        {
            db = c.Handle!;
            Check(SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out rows));
            if (runSql is not null)
            {
                Check(SQLitePCL.raw.sqlite3_prepare_v2(db, runSql, out var prepared));
                runRows = prepared;
            }
            if (blockSql is not null)
            {
                Check(SQLitePCL.raw.sqlite3_prepare_v2(db, blockSql, out var prepared));
                block = prepared;
                blockRows = SQLitePCL.raw.sqlite3_bind_parameter_count(prepared) / 4;
                pending = new (long, long, string, int?)[blockRows];
            }
        }

        private void Check(int rc)
        {
            if (rc is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE))
                throw new SqliteException($"SQLite Error {rc}: '{SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
        }

        private static void Bind(SQLitePCL.sqlite3_stmt statement, int index, string? value)
        {
            if (value is null) SQLitePCL.raw.sqlite3_bind_null(statement, index);
            else SQLitePCL.raw.sqlite3_bind_text(statement, index, value);
        }

        private static void Bind(SQLitePCL.sqlite3_stmt statement, int index, long? value)
        {
            if (value is { } v) SQLitePCL.raw.sqlite3_bind_int64(statement, index, v);
            else SQLitePCL.raw.sqlite3_bind_null(statement, index);
        }

        private void Step(SQLitePCL.sqlite3_stmt statement)
        {
            Check(SQLitePCL.raw.sqlite3_step(statement));
            SQLitePCL.raw.sqlite3_reset(statement);
        }

        public override void Add(GatedEpisode e)
        {
            var s = rows;
            Bind(s, 1, e.Source.Line); Bind(s, 2, e.EpisodeRef); Bind(s, 3, e.ClientRef); Bind(s, 4, e.CoupleRef); Bind(s, 5, e.SiteId);
            Bind(s, 6, e.TherapistId); Bind(s, 7, e.PresentingConcern); Bind(s, 8, e.Approach); Bind(s, 9, e.Format); Bind(s, 10, e.AgeBand);
            Bind(s, 11, e.GenderIdentity); Bind(s, 12, e.SexualOrientation); Bind(s, 13, e.IntakeMonth); Bind(s, 14, e.IntakeDay);
            Bind(s, 15, e.EndDayOffset); Bind(s, 16, e.EndReason);
            Step(s);
        }

        protected override void WriteAnswer(long runId, GatedAnswer a)
        {
            pending[pendingCount++] = (runId, a.Source.Line, a.Item, a.Value);
            if (pendingCount < blockRows) return;
            for (var k = 0; k < blockRows; k++)
            {
                var (run, line, item, value) = pending[k];
                var at = k * 4;
                Bind(block!, at + 1, run); Bind(block!, at + 2, line); Bind(block!, at + 3, item); Bind(block!, at + 4, value);
            }
            Step(block!);
            pendingCount = 0;
        }

        private void WriteAnswerRow(long runId, long line, string item, int? value)
        {
            var s = rows;
            Bind(s, 1, runId); Bind(s, 2, line); Bind(s, 3, item); Bind(s, 4, value);
            Step(s);
        }

        protected override void WriteRun(Run r)
        {
            var s = runRows!;
            var a = r.First;
            Bind(s, 1, r.Id); Bind(s, 2, a.Source.Batch); Bind(s, 3, a.Source.File); Bind(s, 4, a.AdministrationRef);
            Bind(s, 5, a.EpisodeRef); Bind(s, 6, a.Instrument); Bind(s, 7, a.AdministeredDay); Bind(s, 8, a.SessionNumber);
            Bind(s, 9, r.ItemRepeated ? 1 : 0); Bind(s, 10, r.Answered); Bind(s, 11, r.ScoredTotal);
            Step(s);
        }

        public override void Complete()
        {
            CloseRun();
            for (var k = 0; k < pendingCount; k++)
            {
                var (run, line, item, value) = pending[k];
                WriteAnswerRow(run, line, item, value);
            }
            pendingCount = 0;
        }

        public override void Dispose()
        {
            rows.Dispose();
            runRows?.Dispose();
            block?.Dispose();
        }
    }

    /// <summary>
    /// Binary COPY. A connection runs one COPY at a time, so runs wait in a bounded buffer and are
    /// copied between chunks of answer rows: memory stays flat however large the file.
    /// </summary>
    private sealed class PostgresStageWriter(NpgsqlConnection c, string copy, string? runCopy) : StageWriter
    {
        private const int RunsPerChunk = 65_536;
        private NpgsqlBinaryImporter importer = c.BeginBinaryImport(copy);
        private readonly List<Run> buffered = [];

        public override void Add(GatedEpisode e)
        {
            importer.StartRow();
            importer.Write((int)e.Source.Line, NpgsqlDbType.Integer);
            importer.Write(e.EpisodeRef, NpgsqlDbType.Text);
            importer.Write(e.ClientRef, NpgsqlDbType.Text);
            WriteText(e.CoupleRef);
            importer.Write(e.SiteId, NpgsqlDbType.Text);
            importer.Write(e.TherapistId, NpgsqlDbType.Text);
            importer.Write(e.PresentingConcern, NpgsqlDbType.Text);
            importer.Write(e.Approach, NpgsqlDbType.Text);
            importer.Write(e.Format, NpgsqlDbType.Text);
            importer.Write(e.AgeBand, NpgsqlDbType.Text);
            importer.Write(e.GenderIdentity, NpgsqlDbType.Text);
            importer.Write(e.SexualOrientation, NpgsqlDbType.Text);
            importer.Write(e.IntakeMonth, NpgsqlDbType.Text);
            importer.Write(e.IntakeDay, NpgsqlDbType.Integer);
            if (e.EndDayOffset is { } offset) importer.Write(offset, NpgsqlDbType.Integer); else importer.WriteNull();
            importer.Write(e.EndReason, NpgsqlDbType.Text);
        }

        protected override void WriteAnswer(long runId, GatedAnswer a)
        {
            importer.StartRow();
            importer.Write(runId, NpgsqlDbType.Bigint);
            importer.Write((int)a.Source.Line, NpgsqlDbType.Integer);
            importer.Write(a.Item, NpgsqlDbType.Text);
            if (a.Value is { } v) importer.Write(v, NpgsqlDbType.Integer); else importer.WriteNull();
        }

        protected override void WriteRun(Run r)
        {
            buffered.Add(r);
            if (buffered.Count < RunsPerChunk) return;
            importer.Complete();
            importer.Dispose();
            CopyRuns();
            importer = c.BeginBinaryImport(copy);
        }

        private void CopyRuns()
        {
            using var runs = c.BeginBinaryImport(runCopy!);
            foreach (var r in buffered)
            {
                var a = r.First;
                runs.StartRow();
                runs.Write(r.Id, NpgsqlDbType.Bigint);
                runs.Write(a.Source.Batch, NpgsqlDbType.Text);
                runs.Write(a.Source.File, NpgsqlDbType.Text);
                runs.Write(a.AdministrationRef, NpgsqlDbType.Text);
                runs.Write(a.EpisodeRef, NpgsqlDbType.Text);
                runs.Write(a.Instrument, NpgsqlDbType.Text);
                runs.Write(a.AdministeredDay, NpgsqlDbType.Integer);
                runs.Write(a.SessionNumber, NpgsqlDbType.Integer);
                runs.Write(r.ItemRepeated ? 1 : 0, NpgsqlDbType.Integer);
                runs.Write(r.Answered, NpgsqlDbType.Integer);
                runs.Write(r.ScoredTotal, NpgsqlDbType.Bigint);
            }
            runs.Complete();
            buffered.Clear();
        }

        private void WriteText(string? s)
        {
            if (s is null) importer.WriteNull(); else importer.Write(s, NpgsqlDbType.Text);
        }

        public override void Complete()
        {
            CloseRun();
            importer.Complete();
            importer.Dispose();
            if (buffered.Count > 0) CopyRuns();
        }

        public override void Dispose() => importer.Dispose();
    }
}
