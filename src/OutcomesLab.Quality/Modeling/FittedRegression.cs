using Microsoft.ML;

namespace OutcomesLab.Quality.Modeling;

/// <summary>
/// A trained FastTree regression: the model fitted on every training row, its cross-validated
/// quality, each training row's out-of-fold prediction, and the saved model bytes.
/// </summary>
public sealed class FittedRegression
{
    private readonly MLContext ml;

    internal FittedRegression(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelQuality quality, float[] outOfFold)
    {
        this.ml = ml;
        Model = model;
        InputSchema = inputSchema;
        Quality = quality;
        OutOfFold = outOfFold;
    }

    public ITransformer Model { get; }
    public DataViewSchema InputSchema { get; }
    public ModelQuality Quality { get; }

    /// <summary>For training row i, the prediction of the fold model that did not see it (index = RowId).</summary>
    public IReadOnlyList<float> OutOfFold { get; }

    /// <summary>Predictions of the full model for new rows, in their order.</summary>
    public float[] Predict<TRow>(IReadOnlyList<TRow> rows) where TRow : class => GroupedRegression.Predict(ml, Model, rows);

    /// <summary>The model as <c>mlContext.Model.Save</c> writes it (a zip), to keep with the run.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        ml.Model.Save(Model, InputSchema, stream);
        return stream.ToArray();
    }
}
