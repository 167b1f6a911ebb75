using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Overview for one instrument: Hedges' g (population <c>all</c>) for every presenting concern ×
/// approach, with the <c>all</c> roll-ups in the last row and column. A published cell shows its
/// g and n; a suppressed group is a hatched grey cell marked <c>&lt;min_cell</c> and shows no figure;
/// a group with no episodes is left blank.
/// </summary>
public sealed class EffectSizeHeatmapChart : IChartRecipe
{
    private const string Population = "all";
    private static readonly EffectSizeScale Scale = new();

    public string Name => "heatmap";

    public ChartPlan? Plan(ChartContext context, ChartSubject subject)
    {
        var instrument = subject.Instrument;
        var rows = context.Run.Aggregates
            .Where(r => r.Instrument == instrument.Code && r.Population == Population)
            .ToDictionary(r => (r.PresentingConcern, r.Approach));
        if (!rows.Values.Any(r => Published.HasEffectSize(r, context.MinCell))) return null;

        var names = context.Names;
        var concerns = names.SortConcerns(rows.Keys.Select(k => k.PresentingConcern)).ToList();
        var approaches = names.SortApproaches(rows.Keys.Select(k => k.Approach)).ToList();

        var title = $"{instrument.Code}: effect size by concern and approach";
        var plot = ChartFrame.Create(context, title,
            $"{instrument.Construct} · all episodes · Hedges' g (blue = improvement, orange = deterioration)", "", "");

        // Row 0 is the top of the chart: y = count − 1 − index.
        double Y(int i) => concerns.Count - 1 - i;
        for (var i = 0; i < concerns.Count; i++)
        {
            for (var j = 0; j < approaches.Count; j++)
            {
                var rect = plot.Add.Rectangle(j - 0.5, j + 0.5, Y(i) - 0.5, Y(i) + 0.5);
                rect.LineColor = Colors.White;
                rect.LineWidth = 2;
                if (!rows.TryGetValue((concerns[i], approaches[j]), out var row))
                {
                    rect.FillColor = Color.FromHex("#F7F7F7");
                    continue;
                }
                if (!Published.Shows(row, context.MinCell))
                {
                    rect.FillColor = Color.FromHex("#E4E4E4");
                    rect.FillHatch = new ScottPlot.Hatches.Striped();
                    rect.FillHatchColor = Color.FromHex("#BDBDBD");
                    ChartFrame.Label(plot, context.SuppressedMark, j, Y(i), Alignment.MiddleCenter, ChartPalette.DarkGrey, 12);
                    continue;
                }
                var n = row.NPaired!.Value.ToString(CultureInfo.InvariantCulture);
                if (row.EffectSizeG is not { } g)
                {
                    rect.FillColor = Colors.White;
                    ChartFrame.Label(plot, $"–\nn {n}", j, Y(i), Alignment.MiddleCenter, ChartPalette.DarkGrey, 11);
                    continue;
                }
                rect.FillColor = Scale.ColourOf(g);
                var text = EffectSizeScale.NeedsLightText(g) ? Colors.White : ChartPalette.Black;
                ChartFrame.Label(plot, ChartFrame.TickLabel(g, "0.00"), j, Y(i) + 0.13, Alignment.MiddleCenter, text, 13, bold: true);
                ChartFrame.Label(plot, $"n {n}", j, Y(i) - 0.22, Alignment.MiddleCenter, text, 10);
            }
        }

        // Separate the roll-ups from the single groups.
        if (approaches.Contains(Codes.All))
        {
            var v = plot.Add.VerticalLine(approaches.Count - 1.5, 3, ChartPalette.DarkGrey);
            v.ExcludeFromLegend = true;
        }
        if (concerns.Contains(Codes.All))
        {
            var h = plot.Add.HorizontalLine(0.5, 3, ChartPalette.DarkGrey);
            h.ExcludeFromLegend = true;
        }

        ChartFrame.CategoryTicks(plot.Axes.Bottom, Enumerable.Range(0, approaches.Count).Select(j => (double)j).ToList(),
            approaches.Select(a => Wrap(names.Approach(a))).ToList());
        ChartFrame.CategoryTicks(plot.Axes.Left, Enumerable.Range(0, concerns.Count).Select(i => Y(i)).ToList(),
            concerns.Select(names.Concern).ToList());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(-0.5, approaches.Count - 0.5, -0.5, concerns.Count - 0.5);

        var bar = plot.Add.ColorBar(Scale, Edge.Right);
        bar.Label = "Hedges' g";
        bar.LabelStyle.FontName = ChartFont.Family;
        bar.LabelStyle.FontSize = 13;
        bar.Axis.TickLabelStyle.FontName = ChartFont.Family;
        bar.Axis.TickLabelStyle.FontSize = 12;
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.4)
        {
            LabelFormatter = v => ChartFrame.TickLabel(v, "0.0"),
        };

        ChartFrame.LegendOutside(plot,
        [
            ChartFrame.Swatch($"suppressed: fewer than {context.MinCell} people, or protecting a smaller group", Color.FromHex("#E4E4E4"), new ScottPlot.Hatches.Striped(), Color.FromHex("#BDBDBD")),
            ChartFrame.Swatch("no episodes", Color.FromHex("#F7F7F7")),
        ], Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;

        var published = rows.Values.Count(r => Published.HasEffectSize(r, context.MinCell));
        var suppressed = rows.Values.Count(r => !Published.Shows(r, context.MinCell));
        var alt = $"Heatmap of Hedges' g for {instrument.Code} by presenting concern (rows) and approach (columns): "
            + $"{published} groups shown, {suppressed} suppressed.";
        return new SinglePlotChart(plot, title, alt, 1200, Math.Max(480, 230 + 46 * concerns.Count));
    }

    /// <summary>Two-word names on two lines, so column labels never overlap.</summary>
    private static string Wrap(string label)
    {
        var space = label.IndexOf(' ', StringComparison.Ordinal);
        return label.Length > 9 && space > 0 ? label[..space] + "\n" + label[(space + 1)..] : label;
    }
}
