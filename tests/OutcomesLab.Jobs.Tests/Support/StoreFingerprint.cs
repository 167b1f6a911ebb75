using System.Security.Cryptography;
using System.Text;
using Dapper;
using OutcomesLab.Storage;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>
/// What a store holds, independent of how it got there: every episode, administration (score
/// included), answer, pending answer, refusal and batch mark, without surrogate ids, pull ids and
/// timestamps. Two stores with equal fingerprints hold the same data.
/// </summary>
public sealed record StoreFingerprint(long Episodes, long Administrations, long Answers, long Batches, string Hash)
{
    private static readonly string[] Queries =
    [
        "SELECT episode_ref, client_ref, couple_ref, site_id, therapist_id, presenting_concern, approach, format, age_band, gender_identity, sexual_orientation, intake_month, intake_day, end_day_offset, end_reason, batch_name FROM episodes ORDER BY episode_ref",
        "SELECT administration_ref, episode_ref, instrument, session_number, administered_day, n_answered, is_valid, score, batch_name FROM administrations ORDER BY administration_ref",
        "SELECT a.administration_ref, x.item, x.value FROM answers x JOIN administrations a ON a.admin_id = x.admin_id ORDER BY a.administration_ref, x.item",
        "SELECT batch_name, administration_ref, episode_ref, instrument, administered_day, session_number, item, value FROM pending_answers ORDER BY administration_ref, item, batch_name",
        "SELECT batch_name, file, line, column_name, rule, whole_file FROM refusals ORDER BY batch_name, file, line, column_name, rule",
        "SELECT content_hash, batch_name, episodes_stored, episodes_updated, answers_stored, answers_updated, answers_pending, rows_refused, files_refused FROM batches ORDER BY content_hash",
    ];

    public static async Task<StoreFingerprint> OfAsync(StoreLocation location)
    {
        await using var store = await Store.OpenAsync(location);
        await using var c = await store.ConnectAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var query in Queries)
        {
            foreach (IDictionary<string, object?> row in await c.QueryAsync(query))
            {
                var line = string.Join('\u001f', row.Values.Select(v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
                sha.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            }
            sha.AppendData("\u001e"u8);
        }
        return new StoreFingerprint(
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM episodes"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM administrations"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM batches"),
            Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
