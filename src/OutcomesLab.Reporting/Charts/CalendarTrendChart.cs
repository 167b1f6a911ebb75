using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Percent reliably improved by quarter of intake, one line per approach (black: <c>all</c>), for
/// one concern and instrument. Suppressed quarters are left out; every quarter that exists in the
/// run keeps its place on the axis so a gap shows as a gap in time.
/// </summary>
public sealed class CalendarTrendChart : IChartRecipe
{
    public string Name => "trend";

    public ChartPlan? Plan(ChartContext context, ChartSubject subject)
    {
        var instrument = subject.Instrument;
        var concern = subject.Concern ?? Codes.All;
        var all = context.Run.Trends.Where(r => r.Instrument == instrument.Code && r.PresentingConcern == concern).ToList();
        var series = all
            .Where(r => Published.Shows(r, context.MinCell) && r.PctReliablyImproved is not null)
            .GroupBy(r => r.Approach, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (series.Count == 0) return null;

        // Quarter keys are published even for suppressed rows; the axis spans all of them.
        var quarters = all.Select(r => r.IntakeQuarter).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = quarters.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => (double)p.i, StringComparer.Ordinal);

        var names = context.Names;
        var title = $"{instrument.Code}: % reliably improved by quarter of intake";
        var plot = ChartFrame.Create(context, title, $"{names.Concern(concern)} · {instrument.Construct}",
            "Quarter in which the episode started", "% of clients reliably improved");

        var legend = new List<LegendItem>();
        foreach (var approach in names.SortApproaches(series.Keys).OrderBy(a => a == Codes.All ? 0 : 1))
        {
            var rows = series[approach].OrderBy(r => index[r.IntakeQuarter]).ToList();
            var look = ChartPalette.ForApproach(approach, names.ApproachOrder);
            var line = plot.Add.Scatter(rows.Select(r => index[r.IntakeQuarter]).ToArray(), rows.Select(r => r.PctReliablyImproved!.Value).ToArray());
            line.Color = look.Colour;
            line.LineWidth = look.LineWidth;
            line.LinePattern = look.Pattern;
            line.MarkerShape = look.Marker;
            line.MarkerSize = 9;
            var people = rows.Sum(r => r.NPaired!.Value);
            legend.Add(ChartFrame.LegendEntry($"{names.Approach(approach)} (n = {people.ToString(CultureInfo.InvariantCulture)})", look));
        }

        ChartFrame.CategoryTicks(plot.Axes.Bottom, index.Values.ToList(), quarters.Select(q => QuarterLabel(q, quarters.Count)).ToList());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(20) { LabelFormatter = v => ChartFrame.TickLabel(v, "0") + "%" };
        plot.Axes.SetLimits(-0.4, Math.Max(quarters.Count - 0.6, 0.6), -3, 103);
        ChartFrame.LegendOutside(plot, legend, Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        var alt = $"Line chart of the percentage of clients reliably improved on {instrument.Code} by quarter of intake for {names.Concern(concern)}, "
            + $"{quarters.Count} quarters from {quarters[0]} to {quarters[^1]}, one line per approach.";
        return new SinglePlotChart(plot, $"{title} — {names.Concern(concern)}", alt, ChartFrame.Width, 520);
    }

    /// <summary>"2024 Q3"; on a long axis only the first quarter of a year carries the year, so labels never collide.</summary>
    private static string QuarterLabel(string quarter, int count)
    {
        var parts = quarter.Split('-');
        if (parts.Length != 2) return quarter;
        return count <= 12 || parts[1] == "Q1" ? $"{parts[0]} {parts[1]}" : parts[1];
    }
}
