namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// The therapists (or sites) of one outcome instrument compared on % reliably improved, with the
/// practice total as the funnel's target. <see cref="Rows"/> holds only rows that may be shown.
/// </summary>
public sealed record UnitComparison(
    string Instrument, string UnitKind, UnitRow Practice, IReadOnlyList<UnitRow> Rows, int UnitsPooled, bool PracticeShown)
{
    /// <summary>The funnel's centre line: reliably improved / paired over the whole practice (0–1).</summary>
    public double PracticeRate => Practice.Paired == 0 ? double.NaN : (double)Practice.ReliablyImproved / Practice.Paired;
}
