using System.Data.Common;

namespace OutcomesLab.Storage;

/// <summary>
/// The owner of a running pull: something the pull's process holds until it ends, recorded with the
/// pull as a token, so any reader can tell a pull still running from one whose process died. The
/// operating system or the database drops the hold when the process dies, however it dies.
/// </summary>
public abstract class PullOwner : IAsyncDisposable
{
    /// <summary>What the pulls row keeps (no path, no secret).</summary>
    public abstract string Token { get; }

    /// <summary>Takes the hold for the pull about to run on <paramref name="connection"/> (PostgreSQL: that session).</summary>
    public static async Task<PullOwner> ClaimAsync(Store store, DbConnection connection, CancellationToken ct) =>
        store.Dialect == Dialect.Sqlite ? SqlitePullOwner.Claim(store.Location) : await PostgresPullOwner.ClaimSessionAsync(store, connection, ct);

    /// <summary>Whether the pull recorded with <paramref name="token"/> still has a living owner; a pull with no token has none.</summary>
    public static async Task<bool> IsAliveAsync(Store store, DbConnection connection, string? token, CancellationToken ct) =>
        token is not null && (store.Dialect == Dialect.Sqlite
            ? SqlitePullOwner.IsAlive(store.Location, token)
            : await PostgresPullOwner.IsSessionAliveAsync(store, connection, token, ct));

    public abstract ValueTask DisposeAsync();
}
