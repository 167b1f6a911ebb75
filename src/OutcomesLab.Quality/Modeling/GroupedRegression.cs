using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace OutcomesLab.Quality.Modeling;

/// <summary>
/// The one recipe both QI models use: one-hot encoded categorical features next to numeric ones,
/// a FastTree (gradient-boosted trees) regression, quality from grouped k-fold cross-validation
/// (<c>mlContext.Regression.CrossValidate</c> with the group as sampling key), out-of-fold
/// predictions for residuals that are not flattered by the model having seen the row, and the final
/// model fitted on all rows. Single-threaded with a fixed seed, so the same rows give the same model.
/// Row types need <c>float Label</c>, <c>int RowId</c> (0..n−1 in list order) and <c>string GroupKey</c>.
/// </summary>
public static class GroupedRegression
{
    public static FittedRegression Fit<TRow>(
        string name, string unit, IReadOnlyList<TRow> rows, IReadOnlyList<string> numeric, IReadOnlyList<string> categorical,
        int groups, QiOptions options) where TRow : class
    {
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = Pipeline(ml, numeric, categorical, options);

        var folds = ml.Regression.CrossValidate(data, pipeline, options.Folds, labelColumnName: "Label",
            samplingKeyColumnName: "GroupKey", seed: options.Seed);
        var outOfFold = new float[rows.Count];
        var seen = new bool[rows.Count];
        foreach (var fold in folds)
        {
            foreach (var s in ml.Data.CreateEnumerable<OutOfFoldScore>(fold.ScoredHoldOutSet, reuseRowObject: false))
            {
                outOfFold[s.RowId] = s.Score;
                seen[s.RowId] = true;
            }
        }
        if (Array.IndexOf(seen, false) is var missing and >= 0)
            throw new InvalidOperationException($"cross-validation left training row {missing} of {name} unscored");

        var r2 = folds.Select(f => f.Metrics.RSquared).ToList();
        var mae = folds.Select(f => f.Metrics.MeanAbsoluteError).ToList();
        var quality = new ModelQuality(name, unit, rows.Count, groups, options.Folds,
            r2.Average(), Sd(r2), mae.Average(), Sd(mae), folds.Average(f => f.Metrics.RootMeanSquaredError));

        var model = pipeline.Fit(data);
        return new FittedRegression(ml, model, data.Schema, quality, outOfFold);
    }

    /// <summary>Scores rows with a model (fitted here or loaded from the store); results in the rows' order.</summary>
    public static float[] Predict<TRow>(MLContext ml, ITransformer model, IReadOnlyList<TRow> rows) where TRow : class
    {
        var result = new float[rows.Count];
        if (rows.Count == 0) return result;
        // A transform keeps row order, so the i-th score belongs to the i-th row whatever its RowId.
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        var i = 0;
        foreach (var s in ml.Data.CreateEnumerable<OutOfFoldScore>(scored, reuseRowObject: false)) result[i++] = s.Score;
        return result;
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IReadOnlyList<string> numeric, IReadOnlyList<string> categorical, QiOptions o)
    {
        var encoded = categorical.Select(c => new InputOutputColumnPair(c + "OneHot", c)).ToArray();
        var features = numeric.Concat(encoded.Select(p => p.OutputColumnName)).ToArray();
        return ml.Transforms.Categorical.OneHotEncoding(encoded)
            .Append(ml.Transforms.Concatenate("Features", features))
            .Append(ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                NumberOfTrees = o.Trees,
                NumberOfLeaves = o.Leaves,
                MinimumExampleCountPerLeaf = o.MinExamplesPerLeaf,
                LearningRate = o.LearningRate,
                // One thread: deterministic, and kind to a shared machine.
                NumberOfThreads = 1,
            }));
    }

    private static double Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return double.NaN;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
