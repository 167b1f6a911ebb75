namespace OutcomesLab.Quality.Tracking;

/// <summary>One valid post-baseline administration of a completed episode as the expected-trajectory model sees it.</summary>
public sealed class TrajectoryRow
{
    /// <summary>The score at this session (raw instrument units).</summary>
    public float Label { get; set; }
    public float Baseline { get; set; }
    public float Session { get; set; }
    public string Concern { get; set; } = "";
    public string Approach { get; set; } = "";
    public int RowId { get; set; }
    public string GroupKey { get; set; } = "";
}
