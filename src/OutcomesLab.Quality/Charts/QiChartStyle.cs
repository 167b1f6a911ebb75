using OutcomesLab.Presentation.Charts;
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

    public static Plot NewPlot(string title, string xLabel, string yLabel) =>
        ChartTypography.New(title, xLabel, yLabel, titleSize: 17, axisLabelSize: 14, tickLabelSize: 12).WithAxisLinesAndLegend(12);

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
