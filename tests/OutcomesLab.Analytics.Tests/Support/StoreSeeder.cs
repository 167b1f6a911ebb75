using System.Data.Common;
using Dapper;
using Npgsql;
using OutcomesLab.Storage;

namespace OutcomesLab.Analytics.Tests.Support;

/// <summary>
/// Writes seed data straight into a real store's tables, standing in for the ingest pipeline in
/// tests of the statistics (the SQL is test scaffolding: the product writes through the gate).
/// </summary>
public static class StoreSeeder
{
    private const string InsertEpisode = """
        INSERT INTO episodes (episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern, approach, format,
            age_band, gender_identity, sexual_orientation, intake_month, intake_day, end_day_offset, end_reason, batch_name)
        VALUES (@EpisodeRef, @ClientRef, @CoupleRef, @SiteId, @TherapistId, @PresentingConcern, @Approach, @Format,
            @AgeBand, @GenderIdentity, @SexualOrientation, @IntakeMonth, @IntakeDay, @EndDayOffset, @EndReason, @Batch)
        """;

    private const string InsertAdministration = """
        INSERT INTO administrations (administration_ref, episode_ref, instrument, session_number, administered_day, n_answered, is_valid, score, batch_name)
        VALUES (@AdministrationRef, @EpisodeRef, @Instrument, @SessionNumber, @AdministeredDay, @Answered, @IsValid, @Score, @Batch)
        """;

    private const string InsertBatch = """
        INSERT INTO batches (content_hash, batch_name, source, pull_id, ingested_at, episodes_stored, episodes_updated,
            answers_stored, answers_updated, answers_pending, rows_refused, files_refused)
        VALUES (@Hash, @Batch, 'test', 0, @At, 0, 0, 0, 0, 0, 0, 0)
        """;

    public static async Task SeedAsync(Store store, SeedData data, string batch = "test-batch")
    {
        await using var c = await store.ConnectAsync();
        await using var tx = await store.BeginWriteAsync(c);
        await c.ExecuteAsync(InsertBatch, new { Hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(batch))).ToLowerInvariant(), Batch = batch, At = DateTimeOffset.UtcNow.ToString("O") }, tx);
        await c.ExecuteAsync(InsertEpisode, data.Episodes.Select(e => new
        {
            e.Info.EpisodeRef, ClientRef = "c-" + e.Info.EpisodeRef, e.Info.CoupleRef, e.Info.SiteId, e.Info.TherapistId,
            e.Info.PresentingConcern, e.Info.Approach, e.Info.Format, e.Info.AgeBand, e.Info.GenderIdentity, e.Info.SexualOrientation,
            e.Info.IntakeMonth, e.IntakeDay, e.Info.EndDayOffset, e.Info.EndReason, Batch = batch,
        }), tx);
        await InsertAdministrationsAsync(c, tx, data.Administrations, batch);
        await tx.CommitAsync();
    }

    private static async Task InsertAdministrationsAsync(DbConnection c, DbTransaction tx, IReadOnlyList<SeedAdministration> rows, string batch)
    {
        if (c is NpgsqlConnection pg)
        {
            // Binary COPY: per-row INSERTs make large PostgreSQL seeds needlessly slow.
            await using var import = await pg.BeginBinaryImportAsync(
                "COPY administrations (administration_ref, episode_ref, instrument, session_number, administered_day, n_answered, is_valid, score, batch_name) FROM STDIN (FORMAT BINARY)");
            foreach (var a in rows)
            {
                await import.StartRowAsync();
                await import.WriteAsync(a.AdministrationRef);
                await import.WriteAsync(a.EpisodeRef);
                await import.WriteAsync(a.Instrument);
                await import.WriteAsync(a.SessionNumber);
                await import.WriteAsync(a.AdministeredDay);
                await import.WriteAsync(a.Answered);
                await import.WriteAsync(a.Score is null ? 0 : 1);
                if (a.Score is { } s) await import.WriteAsync(s); else await import.WriteNullAsync();
                await import.WriteAsync(batch);
            }
            await import.CompleteAsync();
            return;
        }
        await c.ExecuteAsync(InsertAdministration, rows.Select(a => new
        {
            a.AdministrationRef, a.EpisodeRef, a.Instrument, a.SessionNumber, a.AdministeredDay, a.Answered,
            IsValid = a.Score is null ? 0 : 1, a.Score, Batch = batch,
        }), tx);
    }
}
