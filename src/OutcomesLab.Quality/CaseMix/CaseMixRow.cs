namespace OutcomesLab.Quality.CaseMix;

/// <summary>
/// One completed, paired episode × outcome instrument as the case-mix model sees it. The features
/// describe the client and the measure, never the therapist or the approach: those are what the
/// residuals are compared across.
/// </summary>
public sealed class CaseMixRow
{
    /// <summary>Direction-adjusted change in reliable-change units: dir × (final − baseline) / S_diff.</summary>
    public float Label { get; set; }
    public float Baseline { get; set; }
    public string Concern { get; set; } = "";
    public string AgeBand { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Format { get; set; } = "";
    public string Instrument { get; set; } = "";

    /// <summary>Position in the training list (not a feature): matches out-of-fold predictions back to rows.</summary>
    public int RowId { get; set; }

    /// <summary>Cross-validation keeps one group in one fold: the couple when there is one, else the episode.</summary>
    public string GroupKey { get; set; } = "";
}
