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
        ? new SqliteStageWriter((SqliteConnection)c, (SqliteTransaction)tx, store.Sql["StageEpisodes_Insert"],
            ["line", "episode_ref", "client_ref", "couple_ref", "site_id", "therapist_id", "presenting_concern", "approach",
             "format", "age_band", "gender_identity", "sexual_orientation", "intake_month", "intake_day", "end_month",
             "end_day_offset", "end_reason"])
        : new PostgresStageWriter((NpgsqlConnection)c, store.Sql["StageEpisodes_Copy"]);

    public static StageWriter Answers(Store store, DbConnection c, DbTransaction tx) => store.Dialect == Dialect.Sqlite
        ? new SqliteStageWriter((SqliteConnection)c, (SqliteTransaction)tx, store.Sql["StageAnswers_Insert"],
            ["batch_name", "file", "line", "administration_ref", "episode_ref", "instrument", "administered_day",
             "session_number", "item", "value"])
        : new PostgresStageWriter((NpgsqlConnection)c, store.Sql["StageAnswers_Copy"]);

    private static object[] Values(GatedEpisode e) =>
    [
        e.Source.Line, e.EpisodeRef, e.ClientRef, (object?)e.CoupleRef ?? DBNull.Value, e.SiteId, e.TherapistId,
        e.PresentingConcern, e.Approach, e.Format, e.AgeBand, e.GenderIdentity, e.SexualOrientation, e.IntakeMonth,
        e.IntakeDay, (object?)e.EndMonth ?? DBNull.Value, (object?)e.EndDayOffset ?? DBNull.Value, e.EndReason,
    ];

    private sealed class SqliteStageWriter : StageWriter
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;

        public SqliteStageWriter(SqliteConnection c, SqliteTransaction tx, string sql, string[] names)
        {
            command = c.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            parameters = names.Select(n => command.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
            command.Prepare();
        }

        public override void Add(GatedEpisode e)
        {
            var values = Values(e);
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
            command.ExecuteNonQuery();
        }

        public override void Add(GatedAnswer a)
        {
            parameters[0].Value = a.Source.Batch;
            parameters[1].Value = a.Source.File;
            parameters[2].Value = a.Source.Line;
            parameters[3].Value = a.AdministrationRef;
            parameters[4].Value = a.EpisodeRef;
            parameters[5].Value = a.Instrument;
            parameters[6].Value = a.AdministeredDay;
            parameters[7].Value = a.SessionNumber;
            parameters[8].Value = a.Item;
            parameters[9].Value = a.Value is { } v ? v : DBNull.Value;
            command.ExecuteNonQuery();
        }

        public override void Complete() { }
        public override void Dispose() => command.Dispose();
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
