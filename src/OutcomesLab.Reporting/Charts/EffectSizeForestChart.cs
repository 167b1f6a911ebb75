using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Forest plot of Hedges' g (pre–post, positive = improvement) with its 95% CI for each approach of
/// one concern and instrument, sorted from the largest effect down, with the <c>all</c> roll-up
/// below a rule. Populations <c>all</c> and <c>completed</c> sit side by side on each row. Faint
/// guides mark Cohen's (1988) conventional small / medium / large effects (0.2 / 0.5 / 0.8).
/// </summary>
public sealed class EffectSizeForestChart : IChartRecipe
{
    private const string AllPopulation = "all";
    private const string CompletedPopulation = "completed";
    private const double PopulationOffset = 0.17;

    private static readonly (string Population, string Label, Color Colour, MarkerShape Marker, double Offset)[] Populations =
    [
        (AllPopulation, "all episodes (ongoing: latest score)", ChartPalette.Blue, MarkerShape.FilledCircle, PopulationOffset),
        (CompletedPopulation, "completed episodes only", ChartPalette.Orange, MarkerShape.FilledSquare, -PopulationOffset),
    ];

    public string Name => "forest";

    public ChartPlan? Plan(ChartContext context, ChartSubject subject)
    {
        var instrument = subject.Instrument;
        var concern = subject.Concern ?? Codes.All;
        var rows = context.Run.Aggregates
            .Where(r => r.Instrument == instrument.Code && r.PresentingConcern == concern)
            .ToLookup(r => r.Approach, StringComparer.Ordinal);
        AggregateRow? Row(string approach, string population) => rows[approach].FirstOrDefault(r => r.Population == population);
        double? G(string approach, string population) =>
            Row(approach, population) is { } r && Published.HasEffectSize(r, context.MinCell) ? r.EffectSizeG : null;

        var shown = rows.Select(g => g.Key)
            .Where(a => Populations.Any(p => G(a, p.Population) is not null))
            .ToList();
        if (shown.Count == 0) return null;

        var names = context.Names;
        // Largest effect at the top: sort ascending, because y grows upwards.
        var approaches = names.SortApproaches(shown.Where(a => a != Codes.All))
            .OrderBy(a => G(a, AllPopulation) ?? G(a, CompletedPopulation) ?? double.MinValue)
            .ToList();
        var positions = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < approaches.Count; i++) positions[approaches[i]] = i + 1.5;
        if (shown.Contains(Codes.All)) positions[Codes.All] = 0;

        var title = $"{instrument.Code}: effect size by approach";
        var plot = ChartFrame.Create(context, title, $"{names.Concern(concern)} · {instrument.Construct} · Hedges' g with 95% CI",
            "Hedges' g, baseline → final (positive = improvement, 0 = no change)", "");

        double low = -0.3, high = 1.0;
        foreach (var (approach, y) in positions)
        {
            foreach (var population in Populations)
            {
                if (Row(approach, population.Population) is not { } row || !Published.HasEffectSize(row, context.MinCell)) continue;
                double g = row.EffectSizeG!.Value, lo = row.GCiLow!.Value, hi = row.GCiHigh!.Value;
                low = Math.Min(low, lo);
                high = Math.Max(high, hi);
                var py = y + population.Offset;
                var ci = plot.Add.Line(lo, py, hi, py);
                ci.Color = population.Colour;
                ci.LineWidth = 2.5f;
                ci.MarkerShape = MarkerShape.None;
                var marker = plot.Add.Marker(g, py, approach == Codes.All ? MarkerShape.FilledDiamond : population.Marker,
                    approach == Codes.All ? 15 : 11, population.Colour);
                marker.MarkerLineColor = Colors.White;
                ChartFrame.Label(plot, Number(g), hi, py, Alignment.MiddleLeft, population.Colour, 11).OffsetX = 5;
            }
        }

        var span = high - low;
        var left = low - 0.05 * span;
        var right = high + 0.12 * span; // room for the value labels
        var topY = approaches.Count + 1.5;
        var bottomY = positions.ContainsKey(Codes.All) ? -0.6 : 0.9;

        foreach (var (x, label) in new[] { (0.2, "small"), (0.5, "medium"), (0.8, "large") })
        {
            if (x < left || x > right) continue;
            var guide = plot.Add.VerticalLine(x, 1, ChartPalette.LightGrey, LinePattern.Dotted);
            guide.ExcludeFromLegend = true;
            ChartFrame.Label(plot, label, x, topY - 0.35, Alignment.LowerCenter, ChartPalette.MidGrey, 11);
        }
        var zero = plot.Add.VerticalLine(0, 1.5f, ChartPalette.DarkGrey);
        zero.ExcludeFromLegend = true;
        if (positions.ContainsKey(Codes.All) && approaches.Count > 0)
        {
            var rule = plot.Add.HorizontalLine(0.75, 1, ChartPalette.LightGrey);
            rule.ExcludeFromLegend = true;
        }

        var tickPositions = positions.Values.ToList();
        var tickLabels = positions.Keys.Select(a => $"{names.Approach(a)} · {N(Row(a, AllPopulation), context)} / {N(Row(a, CompletedPopulation), context)}").ToList();
        plot.Axes.Left.Label.Text = "approach · n (all / completed episodes)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(span > 2.5 ? 0.5 : 0.2)
        {
            LabelFormatter = v => ChartFrame.TickLabel(v, "0.0"),
        };
        ChartFrame.CategoryTicks(plot.Axes.Left, tickPositions, tickLabels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(left, right, bottomY, topY);

        ChartFrame.LegendOutside(plot,
        [
            .. Populations.Select(p => ChartFrame.LegendEntry(p.Label, new SeriesLook(p.Colour, p.Marker, LinePattern.Solid, 2.5f))),
        ], Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        var height = Math.Max(420, 170 + 52 * positions.Count);
        var alt = $"Forest plot of Hedges' g with 95% confidence intervals for {instrument.Code} in {names.Concern(concern)}: "
            + string.Join("; ", positions.Keys.Reverse().Select(a => $"{names.Approach(a)} g = {(G(a, AllPopulation) is { } g ? Number(g) : "not shown")}"))
            + ".";
        return new SinglePlotChart(plot, $"{title} — {names.Concern(concern)}", alt, ChartFrame.Width, height);
    }

    /// <summary>The row's paired n, or the suppression mark; a missing group is a dash.</summary>
    private static string N(AggregateRow? row, ChartContext context) => row switch
    {
        null => "–",
        _ when !Published.Shows(row, context.MinCell) => context.SuppressedMark,
        _ => row.NPaired!.Value.ToString(CultureInfo.InvariantCulture),
    };

    private static string Number(double v) => ChartFrame.TickLabel(v, "0.00");
}
