using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// One 100% bar per approach (population <c>all</c>): reliably improved, no reliable change,
/// reliably deteriorated (Jacobson–Truax RC ≥ 1.96 / between / ≤ −1.96), sorted by the share
/// improved, with the <c>all</c> roll-up at the bottom. "No reliable change" is 100 minus the two
/// published percentages of the same unsuppressed row, so it rests on exactly the people they do.
/// </summary>
public sealed class ReliableChangeBarsChart : IChartRecipe
{
    private const string Population = "all";

    public string Name => "reliable-change";

    public ChartPlan? Plan(ChartContext context, ChartSubject subject)
    {
        var instrument = subject.Instrument;
        var concern = subject.Concern ?? Codes.All;
        var rows = context.Run.Aggregates
            .Where(r => r.Instrument == instrument.Code && r.PresentingConcern == concern && r.Population == Population)
            .Where(r => Published.HasReliableChange(r, context.MinCell))
            .GroupBy(r => r.Approach, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (rows.Count == 0) return null;

        var names = context.Names;
        var approaches = names.SortApproaches(rows.Keys.Where(a => a != Codes.All))
            .OrderBy(a => rows[a].PctReliablyImproved!.Value)
            .ToList();
        var positions = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < approaches.Count; i++) positions[approaches[i]] = i + 1.5;
        if (rows.ContainsKey(Codes.All)) positions[Codes.All] = 0;

        var title = $"{instrument.Code}: reliable change by approach";
        var plot = ChartFrame.Create(context, title, $"{names.Concern(concern)} · {instrument.Construct}",
            "% of clients with a baseline and a final score (reliable change index, ±1.96)", "");

        var improvedBars = new List<Bar>();
        var unchangedBars = new List<Bar>();
        var deterioratedBars = new List<Bar>();
        foreach (var (approach, y) in positions)
        {
            var row = rows[approach];
            var improved = row.PctReliablyImproved!.Value;
            var deteriorated = row.PctReliablyDeteriorated!.Value;
            var unchanged = Math.Max(0, 100 - improved - deteriorated);
            improvedBars.Add(Segment(y, 0, improved, ChartPalette.Improved));
            unchangedBars.Add(Segment(y, improved, improved + unchanged, ChartPalette.LightGrey));
            deterioratedBars.Add(Segment(y, improved + unchanged, 100, ChartPalette.Deteriorated));
        }
        foreach (var bars in new[] { improvedBars, unchangedBars, deterioratedBars })
        {
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
        }
        // Labels after the bars, so they are drawn on top of them.
        foreach (var (approach, y) in positions)
        {
            var improved = rows[approach].PctReliablyImproved!.Value;
            var deteriorated = rows[approach].PctReliablyDeteriorated!.Value;
            var unchanged = Math.Max(0, 100 - improved - deteriorated);
            SegmentLabel(plot, improved, 0, y, Colors.White);
            SegmentLabel(plot, unchanged, improved, y, ChartPalette.Black);
            SegmentLabel(plot, deteriorated, improved + unchanged, y, Colors.White);
        }

        var tickLabels = positions.Keys.Select(a => $"{names.Approach(a)} · {rows[a].NPaired!.Value.ToString(CultureInfo.InvariantCulture)}").ToList();
        plot.Axes.Left.Label.Text = "approach · n";
        ChartFrame.CategoryTicks(plot.Axes.Left, positions.Values.ToList(), tickLabels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(20) { LabelFormatter = v => ChartFrame.TickLabel(v, "0") + "%" };
        // A little room past 100% so its tick label is not cut at the figure edge.
        plot.Axes.SetLimits(0, 103, positions.ContainsKey(Codes.All) ? -0.6 : 0.9, approaches.Count + 1.1);

        ChartFrame.LegendOutside(plot,
        [
            ChartFrame.Swatch("reliably improved", ChartPalette.Improved),
            ChartFrame.Swatch("no reliable change", ChartPalette.LightGrey),
            ChartFrame.Swatch("reliably deteriorated", ChartPalette.Deteriorated),
        ], Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        var height = Math.Max(400, 200 + 46 * positions.Count);
        var alt = $"Stacked bars of reliable change for {instrument.Code} in {names.Concern(concern)}: "
            + string.Join("; ", positions.Keys.Reverse().Select(a =>
                $"{names.Approach(a)} {Percent(rows[a].PctReliablyImproved!.Value)} improved, {Percent(rows[a].PctReliablyDeteriorated!.Value)} deteriorated"))
            + ".";
        return new SinglePlotChart(plot, $"{title} — {names.Concern(concern)}", alt, ChartFrame.Width, height);
    }

    private static Bar Segment(double y, double from, double to, Color colour) => new()
    {
        Position = y,
        ValueBase = from,
        Value = to,
        Size = 0.62,
        FillColor = colour,
        LineWidth = 0,
        Orientation = Orientation.Horizontal,
    };

    private static void SegmentLabel(Plot plot, double width, double from, double y, Color colour)
    {
        // Only where the text fits inside its segment; the alt text and table carry every value.
        if (width < 7) return;
        ChartFrame.Label(plot, Percent(width), from + width / 2, y, Alignment.MiddleCenter, colour, 12, bold: true);
    }

    private static string Percent(double v) => v.ToString("0", CultureInfo.InvariantCulture) + "%";
}
