using System.Globalization;
using Dapper;
using Microsoft.ML;
using OutcomesLab.Storage;

namespace OutcomesLab.Quality.Persistence;

/// <summary>QI models in the store (qi_models, migration 0004), keyed by aggregate run and model name.</summary>
public static class QiModelRepository
{
    /// <summary>Saves (or replaces) the models of one run in one write transaction.</summary>
    public static async Task SaveAsync(Store store, long runId, IEnumerable<SavedQiModel> models, DateTimeOffset createdAt, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        await using var tx = await store.BeginWriteAsync(c, ct);
        var at = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        foreach (var m in models)
        {
            await c.ExecuteAsync(new CommandDefinition(store.Sql["QiModels_Save"], new
            {
                runId, modelName = m.Name, createdAt = at, target = m.Target, features = string.Join(',', m.Features),
                trainingRows = m.Quality.Rows, trainingGroups = m.Quality.Groups, folds = m.Quality.Folds, seed = m.Seed,
                cvRSquared = m.Quality.RSquared, cvMae = m.Quality.MeanAbsoluteError, cvRmse = m.Quality.RootMeanSquaredError,
                parameters = m.Parameters, modelZip = m.ModelZip,
            }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    public static async Task<IReadOnlyList<StoredQiModel>> ListAsync(Store store, long runId, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(store.Sql["QiModels_List"], new { runId }, cancellationToken: ct));
        return rows.Select(r => r.ToModel()).ToList();
    }

    /// <summary>A saved model loaded back into ML.NET, or null when the run has no model of that name.</summary>
    public static async Task<(StoredQiModel Info, ITransformer Model, DataViewSchema InputSchema)?> LoadAsync(
        Store store, MLContext ml, long runId, string modelName, CancellationToken ct = default)
    {
        await using var c = await store.ConnectAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(store.Sql["QiModels_Get"], new { runId, modelName }, cancellationToken: ct));
        if (row?.model_zip is null) return null;
        using var stream = new MemoryStream(row.model_zip);
        var model = ml.Model.Load(stream, out var schema);
        return (row.ToModel(), model, schema);
    }

#pragma warning disable IDE1006, CA1707 // Dapper maps snake_case columns onto these names.
    private sealed class Row
    {
        public long run_id { get; set; }
        public string model_name { get; set; } = "";
        public string created_at { get; set; } = "";
        public string target { get; set; } = "";
        public string features { get; set; } = "";
        public long training_rows { get; set; }
        public long training_groups { get; set; }
        public long folds { get; set; }
        public long seed { get; set; }
        public double cv_r_squared { get; set; }
        public double cv_mae { get; set; }
        public double cv_rmse { get; set; }
        public string parameters { get; set; } = "";
        public byte[]? model_zip { get; set; }

        public StoredQiModel ToModel() => new(run_id, model_name,
            DateTimeOffset.Parse(created_at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            target, features.Split(',', StringSplitOptions.RemoveEmptyEntries), checked((int)training_rows), checked((int)training_groups),
            checked((int)folds), checked((int)seed), cv_r_squared, cv_mae, cv_rmse, parameters);
    }
#pragma warning restore IDE1006, CA1707
}
