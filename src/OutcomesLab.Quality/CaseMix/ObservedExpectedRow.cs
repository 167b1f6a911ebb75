namespace OutcomesLab.Quality.CaseMix;

/// <summary>
/// One group (therapist, approach, "other" pool or the practice) of the case-mix adjusted
/// comparison, in reliable-change units (direction-adjusted change / S_diff; positive = improvement).
/// Observed and expected are means over the group's episodes of each episode's mean over its
/// outcome instruments; <see cref="Difference"/> = observed − expected (positive = better than the
/// case mix predicts). CI: Difference ± 1.96 × SD / √n over episodes (normal approximation; null
/// when n &lt; 2).
/// </summary>
public sealed record ObservedExpectedRow(
    string Group, int UnitsInRow, int Episodes, double Observed, double Expected, double Difference,
    double? Sd, double? CiLow, double? CiHigh)
{
    public bool BetterThanExpected => CiLow > 0;
    public bool WorseThanExpected => CiHigh < 0;
}
