using System.Data.Common;

namespace OutcomesLab.Storage.Persistence;

/// <summary>
/// Inserts many rows with one named INSERT: PostgreSQL gets them as DbBatch pipelines (one round
/// trip per chunk instead of per row: thousands of rows per run); SQLite, in-process, reuses one
/// command and rebinds its parameters.
/// </summary>
internal static class RowInserter
{
    private const int ChunkSize = 1000;

    public static async Task InsertAsync<T>(DbConnection c, DbTransaction tx, string sql, IReadOnlyList<T> rows,
        Func<T, int, (string Name, object? Value)[]> parameters, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (c.CanCreateBatch)
        {
            for (var start = 0; start < rows.Count; start += ChunkSize)
            {
                await using var batch = c.CreateBatch();
                batch.Transaction = tx;
                for (var i = start; i < Math.Min(rows.Count, start + ChunkSize); i++)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    foreach (var (name, value) in parameters(rows[i], i))
                    {
                        var p = command.CreateParameter();
                        p.ParameterName = name;
                        p.Value = value ?? DBNull.Value;
                        command.Parameters.Add(p);
                    }
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(ct);
            }
            return;
        }

        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var first = parameters(rows[0], 0);
        foreach (var (name, _) in first)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            cmd.Parameters.Add(p);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var values = i == 0 ? first : parameters(rows[i], i);
            for (var j = 0; j < values.Length; j++) cmd.Parameters[j].Value = values[j].Value ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
