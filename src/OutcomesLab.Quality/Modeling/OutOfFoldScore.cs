namespace OutcomesLab.Quality.Modeling;

/// <summary>A prediction read back from a scored data view, keyed by the row it belongs to.</summary>
public sealed class OutOfFoldScore
{
    public int RowId { get; set; }
    public float Score { get; set; }
}
