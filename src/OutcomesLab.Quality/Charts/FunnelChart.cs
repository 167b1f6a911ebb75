using OutcomesLab.Quality.Comparison;
using OutcomesLab.Quality.Funnel;
using ScottPlot;

namespace OutcomesLab.Quality.Charts;

/// <summary>
/// Funnel plot of % reliably improved against paired episodes, one point per unit shown alone (the
/// "other" pool is not a unit anyone can act on, and its large n would squeeze the funnel), the
/// practice rate as the centre line and the exact binomial 95% and 99.8% limits as curves
/// (Spiegelhalter 2005). Points outside the 95% limits are labelled and coloured.
/// </summary>
public static class FunnelChart
{
    public static Plot Create(UnitComparison comparison, string instrumentLabel)
    {
        var plural = comparison.UnitKind == "site" ? "sites" : "therapists";
        var plot = QiChartStyle.NewPlot($"{instrumentLabel}: % reliably improved by {comparison.UnitKind}",
            "paired episodes (n)", "% reliably improved");
        var rate = comparison.PracticeRate;
        var units = comparison.Rows.Where(r => r.Unit != SmallUnitPooling.Other).ToList();
        if (units.Count == 0 || double.IsNaN(rate))
        {
            var note = plot.Add.Text($"no {plural} to show alone (fewer than min_cell paired episodes each)", 0, 0);
            note.LabelFontSize = 14;
            return plot;
        }

        // The curves start at half the smallest unit's n: enough of the funnel's shape without
        // squeezing the points into a corner with limits that no shown unit is judged by.
        var maxN = units.Max(r => r.Paired);
        var minN = Math.Max(1, units.Min(r => r.Paired) / 2);
        var ns = Enumerable.Range(minN, Math.Max(2, (int)(maxN * 1.15) - minN + 1)).ToArray();
        var xs = ns.Select(n => (double)n).ToArray();
        var limits = ns.Select(n => BinomialFunnel.LimitsAt(rate, n)).ToArray();

        AddCurve(plot, xs, limits.Select(l => 100 * l.Upper998).ToArray(), QiChartStyle.Vermillion, LinePattern.Dashed, "99.8% limits");
        AddCurve(plot, xs, limits.Select(l => 100 * l.Lower998).ToArray(), QiChartStyle.Vermillion, LinePattern.Dashed, null);
        AddCurve(plot, xs, limits.Select(l => 100 * l.Upper95).ToArray(), QiChartStyle.Blue, LinePattern.Dotted, "95% limits");
        AddCurve(plot, xs, limits.Select(l => 100 * l.Lower95).ToArray(), QiChartStyle.Blue, LinePattern.Dotted, null);
        var centre = plot.Add.HorizontalLine(100 * rate);
        centre.LineColor = QiChartStyle.Black;
        centre.LineWidth = 1.5f;
        centre.LegendText = $"practice {100 * rate:F1}%";

        foreach (var group in units.GroupBy(r => Colour(r.Position)))
        {
            var points = plot.Add.ScatterPoints(group.Select(r => (double)r.Paired).ToArray(), group.Select(r => r.PctReliablyImproved).ToArray());
            points.Color = group.Key.Colour;
            points.MarkerSize = 9;
            points.LegendText = group.Key.Legend;
        }
        foreach (var r in units.Where(r => r.Position != FunnelPosition.Within))
        {
            var label = plot.Add.Text(r.Unit, r.Paired, r.PctReliablyImproved);
            label.LabelFontSize = 12;
            label.LabelFontColor = QiChartStyle.Black;
            label.OffsetX = 7;
            label.OffsetY = -7;
        }

        // The y range follows the widest limits drawn and the points, with room for labels.
        var top = Math.Max(limits[0].Upper998, units.Max(r => r.PctReliablyImproved) / 100);
        var bottom = Math.Min(limits[0].Lower998, units.Min(r => r.PctReliablyImproved) / 100);
        plot.Axes.SetLimitsX(0, xs[^1]);
        plot.Axes.SetLimitsY(Math.Max(-3, 100 * bottom - 6), Math.Min(106, 100 * top + 6));
        // The margin keeps points at 0% or 100% visible; a percentage below 0 or above 100 is not a
        // value anyone should read off the axis.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v is < -1e-9 or > 100 + 1e-9 ? "" : v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%",
        };
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static void AddCurve(Plot plot, double[] xs, double[] ys, Color colour, LinePattern pattern, string? legend)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.Color = colour;
        line.LineWidth = 1.5f;
        line.LinePattern = pattern;
        if (legend is not null) line.LegendText = legend;
    }

    private static (Color Colour, string Legend) Colour(FunnelPosition p) => p switch
    {
        FunnelPosition.Above998 or FunnelPosition.Below998 => (QiChartStyle.Vermillion, "outside 99.8%"),
        FunnelPosition.Above95 or FunnelPosition.Below95 => (QiChartStyle.Orange, "outside 95%"),
        _ => (QiChartStyle.Grey, "within limits"),
    };
}
