using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// The common frame of every chart: the embedded font everywhere, a two-line title (what, then for
/// whom), axis labels, a light grid and the run footnote. Recipes only add their data.
/// </summary>
internal static class ChartFrame
{
    /// <summary>Width of the per-concern charts: two fit side by side in the report at a readable scale.</summary>
    public const int Width = 880;

    public const float TitleSize = 19;
    public const float AxisLabelSize = 15;
    public const float TickLabelSize = 13;
    public const float LegendSize = 13;

    public static Plot Create(ChartContext context, string title, string subtitle, string xLabel, string yLabel)
    {
        var plot = ChartTypography.New(subtitle.Length == 0 ? title : $"{title}\n{subtitle}", xLabel, yLabel,
            TitleSize, AxisLabelSize, TickLabelSize).WithAxisLinesAndLegend(LegendSize);
        plot.Axes.Title.FullFigureCenter = true;

        var footnote = new FootnotePanel();
        footnote.Label.Text = context.Footnote;
        plot.Axes.AddPanel(footnote);
        return plot;
    }

    /// <summary>One panel of a <see cref="PanelGridChart"/>: a small bold title, compact labels, no footnote.</summary>
    public static Plot CreatePanel(string title, string xLabel, string yLabel) =>
        ChartTypography.New(title, xLabel, yLabel, titleSize: 14, axisLabelSize: 12, tickLabelSize: 11);

    /// <summary>A numeric tick label in invariant culture; a tick at (floating-point) zero never reads "-0.0".</summary>
    public static string TickLabel(double value, string format)
    {
        var text = value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return text.TrimStart('-').All(c => c is '0' or '.') ? text.TrimStart('-') : text;
    }

    /// <summary>Category ticks (approach names, quarters) at the given positions, nothing in between.</summary>
    public static void CategoryTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < positions.Count; i++) ticks.AddMajor(positions[i], labels[i]);
        axis.TickGenerator = ticks;
        axis.MinorTickStyle.Length = 0;
    }

    /// <summary>A text label in data coordinates, in the chart font.</summary>
    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Alignment alignment, Color colour, float size = 12, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelStyle.FontName = ChartFont.Family;
        label.LabelStyle.FontSize = size;
        label.LabelStyle.Bold = bold;
        label.LabelStyle.ForeColor = colour;
        label.LabelStyle.Alignment = alignment;
        return label;
    }

    /// <summary>A legend of the given entries only, to the right of the data area.</summary>
    public static void LegendOutside(Plot plot, IEnumerable<LegendItem> items, Edge edge = Edge.Right)
    {
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(edge);
        // Panels stack outwards in the order added: keep the footnote the outermost line.
        foreach (var footnote in plot.Axes.GetPanels().OfType<FootnotePanel>().ToList())
        {
            plot.Axes.Remove(footnote);
            plot.Axes.AddPanel(footnote);
        }
    }

    /// <summary>A legend entry drawn by hand (for series made of several plottables).</summary>
    public static LegendItem LegendEntry(string text, SeriesLook look, bool line = true) => new()
    {
        LabelText = text,
        LineColor = look.Colour,
        LineWidth = line ? look.LineWidth : 0,
        LinePattern = look.Pattern,
        MarkerShape = look.Marker,
        MarkerSize = 9,
        MarkerFillColor = look.Colour,
        MarkerLineColor = look.Colour,
    };

    /// <summary>A legend line of text only, explaining the entries below it.</summary>
    public static LegendItem LegendHeader(string text) => new()
    {
        LabelText = text,
        LineWidth = 0,
        MarkerShape = MarkerShape.None,
        LabelFontColor = ChartPalette.DarkGrey,
    };

    /// <summary>A legend entry that is a filled swatch (bars, cells).</summary>
    public static LegendItem Swatch(string text, Color fill, IHatch? hatch = null, Color? hatchColour = null) => new()
    {
        LabelText = text,
        FillColor = fill,
        FillHatch = hatch,
        FillHatchColor = hatchColour ?? ChartPalette.MidGrey,
        OutlineColor = ChartPalette.MidGrey,
        OutlineWidth = 1,
    };
}
