namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Dropout and alliance of one therapist or site (or the "other" pool, or the practice) over the
/// period's episodes, whatever instruments they used.
/// </summary>
/// <param name="Episodes">episodes with intake in the period</param>
/// <param name="Ended">episodes no longer ongoing: the dropout denominator</param>
/// <param name="Dropouts">episodes that ended with end reason "dropout"</param>
/// <param name="AllianceEpisodes">episodes with a valid alliance score: the mean-alliance denominator</param>
/// <param name="MeanAlliance">mean over those episodes of each one's latest valid alliance score; null when the column is not shown</param>
public sealed record EngagementRow(string Unit, int UnitsInRow, int Episodes, int Ended, int Dropouts, int AllianceEpisodes, double? MeanAlliance)
{
    public double PctDropout => Ended == 0 ? double.NaN : 100.0 * Dropouts / Ended;
}
