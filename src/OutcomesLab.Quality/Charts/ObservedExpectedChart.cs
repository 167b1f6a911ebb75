using OutcomesLab.Quality.CaseMix;
using ScottPlot;

namespace OutcomesLab.Quality.Charts;

/// <summary>
/// Caterpillar plot of observed − expected change (reliable-change units) with 95% CIs, one row
/// per therapist or approach, sorted; a vertical line at 0 (exactly as the case mix predicts).
/// </summary>
public static class ObservedExpectedChart
{
    public static Plot Create(ObservedExpectedTable table)
    {
        var plot = QiChartStyle.NewPlot($"Observed − expected change by {table.GroupKind}",
            "observed − expected (reliable-change units; > 0 better than expected)", "");
        var rows = table.Rows.Where(r => r.CiLow is not null).OrderBy(r => r.Difference).ToList();
        if (rows.Count == 0)
        {
            plot.Add.Text("nothing to show (model not fitted, or fewer than min_cell episodes)", 0, 0).LabelFontSize = 14;
            return plot;
        }
        var zero = plot.Add.VerticalLine(0);
        zero.LineColor = QiChartStyle.Black;
        zero.LineWidth = 1;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var colour = r.BetterThanExpected ? QiChartStyle.BluishGreen : r.WorseThanExpected ? QiChartStyle.Vermillion : QiChartStyle.Grey;
            var ci = plot.Add.Line(r.CiLow!.Value, i, r.CiHigh!.Value, i);
            ci.LineColor = colour;
            ci.LineWidth = 2;
            var dot = plot.Add.ScatterPoints(new[] { r.Difference }, new[] { (double)i });
            dot.Color = colour;
            dot.MarkerSize = 9;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(),
            rows.Select(r => $"{r.Group} (n={r.Episodes})").ToArray());
        var reach = rows.Max(r => Math.Max(Math.Abs(r.CiLow!.Value), Math.Abs(r.CiHigh!.Value))) * 1.1;
        plot.Axes.SetLimits(-reach, reach, -0.7, rows.Count - 0.3);
        return plot;
    }
}
