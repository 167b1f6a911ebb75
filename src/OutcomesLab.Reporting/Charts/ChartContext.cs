using System.Globalization;
using OutcomesLab.Domain;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// What every chart is drawn from: the published aggregate run (never raw rows, so suppression
/// holds) and the display names and order of the catalog.
/// </summary>
public sealed class ChartContext(AggregateRun run, ReportNames names)
{
    public AggregateRun Run { get; } = run;
    public ReportNames Names { get; } = names;
    public int MinCell => Run.MinCell;

    /// <summary>How a suppressed figure is written: <c>&lt;11</c> for min_cell 11.</summary>
    public string SuppressedMark => "<" + MinCell.ToString(CultureInfo.InvariantCulture);

    /// <summary>The footnote every chart carries: which run, when, and the small-cell threshold.</summary>
    public string Footnote =>
        string.Create(CultureInfo.InvariantCulture,
            $"Aggregate run {Run.RunId} · computed {Run.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC · min_cell {MinCell}: no point, bar or label rests on fewer than {MinCell} people");
}
