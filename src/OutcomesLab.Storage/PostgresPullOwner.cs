using System.Data.Common;
using Dapper;

namespace OutcomesLab.Storage;

/// <summary>A PostgreSQL store's pull owner: the pull's own database session (pid and start), alive while it is connected.</summary>
internal sealed class PostgresPullOwner(string token) : PullOwner
{
    public override string Token => token;

    public static async Task<PullOwner> ClaimSessionAsync(Store store, DbConnection connection, CancellationToken ct) =>
        new PostgresPullOwner(await connection.ExecuteScalarAsync<string>(new CommandDefinition(store.Sql["PullOwner_Claim"], cancellationToken: ct))
            ?? throw new InvalidOperationException("the pull's own session is not in pg_stat_activity"));

    public static Task<bool> IsSessionAliveAsync(Store store, DbConnection connection, string token, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(store.Sql["PullOwner_IsAlive"], new { owner = token }, cancellationToken: ct));

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
