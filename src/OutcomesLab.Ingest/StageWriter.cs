using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using OutcomesLab.Domain;
using OutcomesLab.Storage;

namespace OutcomesLab.Ingest;

/// <summary>
/// Streams gated records of one file into the store's stage tables inside the batch transaction:
/// a prepared, reused INSERT on SQLite; binary COPY on PostgreSQL. The only dialect split in C#,
/// because bulk loading has no portable SQL; the statements themselves live in sql/.
/// </summary>
internal abstract class StageWriter : IDisposable
{
    public abstract void Add(GatedEpisode e);
    public abstract void Add(GatedAnswer a);
    public abstract void Complete();
    public abstract void Dispose();

    public static StageWriter Episodes(Store store, DbConnection c, DbTransaction tx) => store.Dialect == Dialect.Sqlite
        ? new SqliteStageWriter((SqliteConnection)c, store.Sql["StageEpisodes_Insert"])
        : new PostgresStageWriter((NpgsqlConnection)c, store.Sql["StageEpisodes_Copy"]);

    public static StageWriter Answers(Store store, DbConnection c, DbTransaction tx) => store.Dialect == Dialect.Sqlite
        ? new SqliteStageWriter((SqliteConnection)c, store.Sql["StageAnswers_Insert"])
        : new PostgresStageWriter((NpgsqlConnection)c, store.Sql["StageAnswers_Copy"]);

    /// <summary>
    /// One prepared statement stepped per row through SQLitePCL's raw API, binding by position.
    /// ADO.NET parameters are bound by name on every execution, which cost ten times the insert itself.
    /// Runs inside the connection's open transaction (same handle).
    /// </summary>
    private sealed class SqliteStageWriter : StageWriter
    {
        private readonly SQLitePCL.sqlite3 db;
        private readonly SQLitePCL.sqlite3_stmt statement;

        public SqliteStageWriter(SqliteConnection c, string sql)
        {
            db = c.Handle!;
            Check(SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out statement));
        }

        private void Check(int rc)
        {
            if (rc is not (SQLitePCL.raw.SQLITE_OK or SQLitePCL.raw.SQLITE_DONE))
                throw new SqliteException($"SQLite Error {rc}: '{SQLitePCL.raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
        }

        private void Bind(int index, string? value)
        {
            if (value is null) SQLitePCL.raw.sqlite3_bind_null(statement, index);
            else SQLitePCL.raw.sqlite3_bind_text(statement, index, value);
        }

        private void Bind(int index, long? value)
        {
            if (value is { } v) SQLitePCL.raw.sqlite3_bind_int64(statement, index, v);
            else SQLitePCL.raw.sqlite3_bind_null(statement, index);
        }

        private void Step()
        {
            Check(SQLitePCL.raw.sqlite3_step(statement));
            SQLitePCL.raw.sqlite3_reset(statement);
        }

        public override void Add(GatedEpisode e)
        {
            Bind(1, e.Source.Line); Bind(2, e.EpisodeRef); Bind(3, e.ClientRef); Bind(4, e.CoupleRef); Bind(5, e.SiteId);
            Bind(6, e.TherapistId); Bind(7, e.PresentingConcern); Bind(8, e.Approach); Bind(9, e.Format); Bind(10, e.AgeBand);
            Bind(11, e.GenderIdentity); Bind(12, e.SexualOrientation); Bind(13, e.IntakeMonth); Bind(14, e.IntakeDay);
            Bind(15, e.EndMonth); Bind(16, e.EndDayOffset); Bind(17, e.EndReason);
            Step();
        }

        public override void Add(GatedAnswer a)
        {
            Bind(1, a.Source.Batch); Bind(2, a.Source.File); Bind(3, a.Source.Line); Bind(4, a.AdministrationRef);
            Bind(5, a.EpisodeRef); Bind(6, a.Instrument); Bind(7, a.AdministeredDay); Bind(8, a.SessionNumber);
            Bind(9, a.Item); Bind(10, a.Value);
            Step();
        }

        public override void Complete() { }
        public override void Dispose() => statement.Dispose();
    }

    private sealed class PostgresStageWriter(NpgsqlConnection c, string copy) : StageWriter
    {
        private readonly NpgsqlBinaryImporter importer = c.BeginBinaryImport(copy);

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
            WriteText(e.EndMonth);
            if (e.EndDayOffset is { } offset) importer.Write(offset, NpgsqlDbType.Integer); else importer.WriteNull();
            importer.Write(e.EndReason, NpgsqlDbType.Text);
        }

        public override void Add(GatedAnswer a)
        {
            importer.StartRow();
            importer.Write(a.Source.Batch, NpgsqlDbType.Text);
            importer.Write(a.Source.File, NpgsqlDbType.Text);
            importer.Write((int)a.Source.Line, NpgsqlDbType.Integer);
            importer.Write(a.AdministrationRef, NpgsqlDbType.Text);
            importer.Write(a.EpisodeRef, NpgsqlDbType.Text);
            importer.Write(a.Instrument, NpgsqlDbType.Text);
            importer.Write(a.AdministeredDay, NpgsqlDbType.Integer);
            importer.Write(a.SessionNumber, NpgsqlDbType.Integer);
            importer.Write(a.Item, NpgsqlDbType.Text);
            if (a.Value is { } v) importer.Write(v, NpgsqlDbType.Integer); else importer.WriteNull();
        }

        private void WriteText(string? s)
        {
            if (s is null) importer.WriteNull(); else importer.Write(s, NpgsqlDbType.Text);
        }

        public override void Complete() => importer.Complete();
        public override void Dispose() => importer.Dispose();
    }
}
