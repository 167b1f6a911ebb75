using System.Globalization;
using OutcomesLab.Domain;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Mean score by session number for one concern and instrument: one line per approach (and the
/// <c>all</c> roll-up in black) with its 95% CI band, the clinical cut-off and the direction of
/// improvement. Suppressed sessions are left out; a line joins only the sessions that are shown.
/// </summary>
public sealed class SessionTrajectoryChart : IChartRecipe
{
    public string Name => "trajectory";

    public ChartPlan? Plan(ChartContext context, ChartSubject subject)
    {
        var instrument = subject.Instrument;
        var concern = subject.Concern ?? throw new ArgumentException("a trajectory is drawn for one presenting concern", nameof(subject));
        var series = context.Run.Trajectories
            .Where(r => r.Instrument == instrument.Code && r.PresentingConcern == concern)
            .Where(r => Published.Shows(r, context.MinCell) && r.Mean is not null)
            .GroupBy(r => r.Approach, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.SessionNumber).ToList(), StringComparer.Ordinal);
        if (series.Count == 0) return null;

        var names = context.Names;
        var title = $"{instrument.Code}: mean score by session";
        var plot = ChartFrame.Create(context, title, $"{names.Concern(concern)} · {instrument.Construct}",
            "Session number (0 = intake assessment)", $"Mean {instrument.Code} score ({ReportNames.Direction(instrument)})");

        var legend = new List<LegendItem>();
        // Draw the roll-up first so approach lines sit on top of it.
        var order = names.SortApproaches(series.Keys).OrderBy(a => a == Codes.All ? 0 : 1).ToList();
        foreach (var approach in order)
        {
            var rows = series[approach];
            var look = ChartPalette.ForApproach(approach, names.ApproachOrder);
            var withCi = rows.Where(r => r.CiLow is not null && r.CiHigh is not null).ToList();
            if (withCi.Count >= 2)
            {
                var band = plot.Add.FillY(
                    withCi.Select(r => (double)r.SessionNumber).ToArray(),
                    withCi.Select(r => r.CiLow!.Value).ToArray(),
                    withCi.Select(r => r.CiHigh!.Value).ToArray());
                band.FillColor = look.Colour.WithAlpha(approach == Codes.All ? 0.10 : 0.07);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(rows.Select(r => (double)r.SessionNumber).ToArray(), rows.Select(r => r.Mean!.Value).ToArray());
            line.Color = look.Colour;
            line.LineWidth = look.LineWidth;
            line.LinePattern = look.Pattern;
            line.MarkerShape = look.Marker;
            line.MarkerSize = approach == Codes.All ? 9 : 8;
            legend.Add(ChartFrame.LegendEntry($"{names.Approach(approach)} ({Count(rows[0].N)} → {Count(rows[^1].N)})", look));
        }

        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double bottom = limits.Bottom, top = limits.Top;
        var directionText = ReportNames.DirectionArrow(instrument);
        if (instrument.ClinicalCutoff is { } cutoff)
        {
            bottom = Math.Min(bottom, cutoff);
            top = Math.Max(top, cutoff);
            var cut = plot.Add.HorizontalLine(cutoff, 2, ChartPalette.DarkGrey, LinePattern.Dashed);
            cut.ExcludeFromLegend = true;
            directionText += $"\nclinical range: {(instrument.HigherIsBetter ? "below" : "above")} the dashed cut-off ({Number(cutoff)})";
        }
        // Bands may reach past what the instrument can score; the axis never does.
        var (scoreMin, scoreMax) = ScoreRange(instrument);
        var pad = 0.06 * Math.Max(top - bottom, 1e-9);
        bottom = Math.Max(bottom - pad, scoreMin);
        top = Math.Min(top + 3 * pad, scoreMax);
        var xPad = Math.Max(0.3, 0.03 * (limits.Right - limits.Left));
        plot.Axes.SetLimits(limits.Left - xPad, limits.Right + xPad, bottom, top);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

        var direction = plot.Add.Annotation(directionText, Alignment.UpperLeft);
        direction.LabelStyle.FontName = ChartFont.Family;
        direction.LabelStyle.FontSize = 13;
        direction.LabelStyle.ForeColor = ChartPalette.Black;
        direction.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.9);
        direction.LabelStyle.BorderColor = ChartPalette.LightGrey;
        direction.LabelStyle.ShadowColor = Colors.Transparent;

        legend.Insert(0, ChartFrame.LegendHeader("people at first → last session"));
        ChartFrame.LegendOutside(plot, legend);

        var alt = $"Line chart of mean {instrument.Code} score by session for {names.Concern(concern)}, one line per approach with 95% confidence bands"
            + (instrument.ClinicalCutoff is { } c ? $", clinical cut-off at {Number(c)}" : "") + $"; {ReportNames.Direction(instrument)}.";
        return new ChartPlan(plot, $"{title} — {names.Concern(concern)}", alt, 1000, 560);
    }

    /// <summary>The lowest and highest score the instrument can give (instruments.md, "Scoring rules").</summary>
    internal static (double Min, double Max) ScoreRange(Instrument instrument) => instrument.Scoring == ScoreMethod.Sum
        ? (instrument.ItemMin * instrument.Items.Count, instrument.ItemMax * instrument.Items.Count)
        : (instrument.ItemMin, instrument.ItemMax);

    private static string Count(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
