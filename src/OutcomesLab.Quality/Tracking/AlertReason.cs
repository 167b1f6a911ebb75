namespace OutcomesLab.Quality.Tracking;

/// <summary>The reason codes of alerts.csv.</summary>
public static class AlertReason
{
    /// <summary>Latest outcome score worse than the expected trajectory's bound.</summary>
    public const string NotOnTrack = "not_on_track";
    /// <summary>Latest alliance score below the catalog's alert threshold.</summary>
    public const string AllianceLow = "alliance_low";
    /// <summary>Alliance fell by at least the drop threshold since the previous administration.</summary>
    public const string AllianceDrop = "alliance_drop";

    public static readonly IReadOnlyList<string> All = [NotOnTrack, AllianceLow, AllianceDrop];
}
