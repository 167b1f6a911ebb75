using System.Data.Common;
using Dapper;
using OutcomesLab.Storage;

namespace OutcomesLab.Privacy;

/// <summary>
/// Whether a pseudonym key belongs to a store: the store keeps the key's check value (never the key),
/// written by its first pull. Every command that uses the key runs this first, so a wrong key file
/// can neither mix unrelated pseudonyms into the store nor have export keys filed beside it.
/// </summary>
public static class StoreKeyCheck
{
    /// <summary>Throws when the store's check value is another key's; false when the store has none yet.</summary>
    public static async Task<bool> VerifyAsync(DbConnection connection, Store store, PseudonymKey key, DbTransaction? tx = null)
    {
        if (await StoredAsync(connection, store, tx) is not { } stored) return false;
        Verify(stored, key);
        return true;
    }

    /// <summary>The store's check value, or null before its first pull.</summary>
    public static Task<string?> StoredAsync(DbConnection connection, Store store, DbTransaction? tx = null) =>
        connection.QuerySingleOrDefaultAsync<string>(store.Sql["StoreMeta_Get"], new { key = "key_check" }, tx);

    public static void Verify(string stored, PseudonymKey key)
    {
        if (stored != key.Fingerprint())
            throw new KeyFileException("the pseudonym key file does not belong to this store (its pseudonyms would not match)");
    }

    /// <summary>Records the key's check value in a store that has none yet.</summary>
    public static Task RecordAsync(DbConnection connection, Store store, PseudonymKey key, DbTransaction tx) =>
        connection.ExecuteAsync(store.Sql["StoreMeta_Set"], new { key = "key_check", value = key.Fingerprint() }, tx);
}
