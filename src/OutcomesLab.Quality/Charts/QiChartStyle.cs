using OutcomesLab.Reporting.Charts;
using ScottPlot;

namespace OutcomesLab.Quality.Charts;

/// <summary>
/// The look of the QI charts, shared with the director report's charts (OutcomesLab.Reporting):
/// the embedded DejaVu Sans (<see cref="ChartFont"/>, so text is drawn on a machine without fonts)
/// and the Okabe–Ito colour-blind-safe palette (<see cref="ChartPalette"/>), with the same title,
/// label, tick and grid styling as Reporting's chart frame.
/// </summary>
public static class QiChartStyle
{
    public static Color Black => ChartPalette.Black;
    public static Color Orange => ChartPalette.Orange;
    public static Color BluishGreen => ChartPalette.BluishGreen;
    public static Color Blue => ChartPalette.Blue;
    public static Color Vermillion => ChartPalette.Vermillion;
    public static Color Grey => ChartPalette.MidGrey;

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontName = ChartFont.Family;
        plot.Axes.Title.Label.FontSize = 17;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Black;
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontName = ChartFont.Family;
            axis.Label.FontSize = 14;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ChartPalette.DarkGrey;
            axis.TickLabelStyle.FontName = ChartFont.Family;
            axis.TickLabelStyle.FontSize = 12;
            axis.TickLabelStyle.ForeColor = ChartPalette.DarkGrey;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Grid.MajorLineColor = Color.FromHex("#000000").WithAlpha(0.08);
        plot.Axes.Frame(false);
        plot.Axes.Left.FrameLineStyle.Width = 1;
        plot.Axes.Bottom.FrameLineStyle.Width = 1;
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = 12;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.OutlineColor = ChartPalette.LightGrey;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>Writes <c>name.png</c> and <c>name.svg</c>; returns the two file names (relative to the folder).</summary>
    public static (string Png, string Svg) Save(Plot plot, string folder, string name, int width, int height)
    {
        Directory.CreateDirectory(folder);
        plot.SavePng(Path.Combine(folder, name + ".png"), width, height);
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), width, height);
        return (name + ".png", name + ".svg");
    }

    /// <summary>A file-name-safe form of a code from the catalog or the data.</summary>
    public static string Slug(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
