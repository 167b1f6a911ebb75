using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Mean score by session number for one concern and instrument, as small multiples: one panel per
/// approach with its line and 95% CI band, over the <c>all</c> roll-up in grey for comparison, the
/// clinical cut-off dashed, and the direction of improvement in the subtitle. All panels share their
/// axes. Suppressed sessions are left out; a line joins only the sessions that are shown.
/// </summary>
public sealed class SessionTrajectoryChart : IChartRecipe
{
    private const int Width = ChartFrame.Width;
    private const int PanelHeight = 230;

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
        var overall = series.GetValueOrDefault(Codes.All);
        var approaches = names.SortApproaches(series.Keys.Where(a => a != Codes.All)).ToList();
        // With no single approach to show, the roll-up gets a panel of its own.
        if (approaches.Count == 0) approaches.Add(Codes.All);

        var published = series.Values.SelectMany(r => r).ToList();
        var limits = Limits(instrument, published);
        var columns = approaches.Count switch { <= 3 => approaches.Count, 4 => 2, _ => 3 };
        var rows = (approaches.Count + columns - 1) / columns;

        var panels = new List<Plot>();
        for (var i = 0; i < approaches.Count; i++)
        {
            var approach = approaches[i];
            var own = series[approach];
            var people = own.Count == 1 ? $"n {Count(own[0].N)}" : $"n {Count(own[0].N)} → {Count(own[^1].N)}";
            var panel = ChartFrame.CreatePanel($"{names.Approach(approach)} · {people}",
                i + columns >= approaches.Count ? "session (0 = intake)" : "",
                i % columns == 0 ? $"mean {instrument.Code} score" : "");
            if (overall is not null && approach != Codes.All) Series(panel, overall, ChartPalette.MidGrey, 1.5f, 0.13, MarkerShape.None);
            var look = ChartPalette.ForApproach(approach, names.ApproachOrder);
            Series(panel, own, look.Colour, 2.5f, 0.22, MarkerShape.FilledCircle);
            if (instrument.ClinicalCutoff is { } cutoff)
            {
                var cut = panel.Add.HorizontalLine(cutoff, 1.5f, ChartPalette.DarkGrey, LinePattern.Dashed);
                cut.ExcludeFromLegend = true;
            }
            panel.Axes.SetLimits(limits.Left, limits.Right, limits.Bottom, limits.Top);
            panel.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, MinimumTickSpacing = 28 };
            panels.Add(panel);
        }

        var title = $"{instrument.Code}: mean score by session";
        var key = $"{names.Concern(concern)} · {instrument.Construct} · {ReportNames.DirectionArrow(instrument)}\n"
            + (overall is not null ? "grey: all approaches together · " : "")
            + (instrument.ClinicalCutoff is { } c
                ? $"dashed: clinical cut-off {Number(c)} (clinical range {(instrument.HigherIsBetter ? "below" : "above")})"
                : "no clinical cut-off for this instrument")
            + " · bands: 95% CI";
        var alt = $"Small multiples of mean {instrument.Code} score by session for {names.Concern(concern)}, one panel per approach "
            + $"({string.Join(", ", approaches.Select(names.Approach))}) with 95% confidence bands"
            + (instrument.ClinicalCutoff is { } cc ? $", clinical cut-off at {Number(cc)}" : "") + $"; {ReportNames.Direction(instrument)}.";
        return new PanelGridChart(panels, columns, title, key, context.Footnote, $"{title} — {names.Concern(concern)}", alt,
            Width, 130 + rows * PanelHeight);
    }

    private static void Series(Plot panel, IReadOnlyList<TrajectoryRow> rows, Color colour, float width, double bandAlpha, MarkerShape marker)
    {
        var withCi = rows.Where(r => r.CiLow is not null && r.CiHigh is not null).ToList();
        if (withCi.Count >= 2)
        {
            var band = panel.Add.FillY(
                withCi.Select(r => (double)r.SessionNumber).ToArray(),
                withCi.Select(r => r.CiLow!.Value).ToArray(),
                withCi.Select(r => r.CiHigh!.Value).ToArray());
            band.FillColor = colour.WithAlpha(bandAlpha);
            band.LineWidth = 0;
        }
        var line = panel.Add.Scatter(rows.Select(r => (double)r.SessionNumber).ToArray(), rows.Select(r => r.Mean!.Value).ToArray());
        line.Color = colour;
        line.LineWidth = width;
        line.MarkerShape = marker;
        line.MarkerSize = 6;
    }

    /// <summary>Shared limits: every published mean and CI end and the cut-off, within what the instrument can score.</summary>
    private static AxisLimits Limits(Instrument instrument, IReadOnlyList<TrajectoryRow> rows)
    {
        var values = rows.SelectMany(r => new[] { r.Mean, r.CiLow, r.CiHigh }).OfType<double>().ToList();
        if (instrument.ClinicalCutoff is { } cutoff) values.Add(cutoff);
        double bottom = values.Min(), top = values.Max();
        var pad = 0.06 * Math.Max(top - bottom, 1e-6);
        var (scoreMin, scoreMax) = ScoreRange(instrument);
        var sessions = rows.Select(r => r.SessionNumber).ToList();
        return new AxisLimits(sessions.Min() - 0.5, sessions.Max() + 0.5, Math.Max(bottom - pad, scoreMin), Math.Min(top + pad, scoreMax));
    }

    /// <summary>The lowest and highest score the instrument can give (docs/contracts/catalog.md, "Scoring rules").</summary>
    internal static (double Min, double Max) ScoreRange(Instrument instrument) => instrument.Scoring == ScoreMethod.Sum
        ? (instrument.ItemMin * instrument.Items.Count, instrument.ItemMax * instrument.Items.Count)
        : (instrument.ItemMin, instrument.ItemMax);

    private static string Count(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
