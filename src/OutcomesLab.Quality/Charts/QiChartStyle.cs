using ScottPlot;

namespace OutcomesLab.Quality.Charts;

/// <summary>
/// The look of the QI charts: DejaVu Sans registered explicitly (on Linux ScottPlot's default sans
/// resolves to a serif face, and with no font it draws no text at all, silently) and the
/// Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito 2008, "Color Universal Design").
/// Kept here until the Reporting project's shared chart style lands (issue 4); then this defers to it.
/// </summary>
public static class QiChartStyle
{
    public const string FontName = "DejaVu Sans";
    private const string FontFolder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();
    private static bool registered;

    // Okabe–Ito.
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");
    public static readonly Color Grey = Color.FromHex("#7F7F7F");

    /// <summary>Registers DejaVu Sans with ScottPlot once; fails loudly rather than render charts without text.</summary>
    public static void EnsureFont()
    {
        lock (Gate)
        {
            if (registered) return;
            var regular = Path.Combine(FontFolder, "DejaVuSans.ttf");
            var bold = Path.Combine(FontFolder, "DejaVuSans-Bold.ttf");
            if (!File.Exists(regular))
                throw new InvalidOperationException($"chart font missing: {regular} (install the fonts-dejavu-core package)");
            Fonts.AddFontFile(FontName, regular, bold: false, italic: false);
            if (File.Exists(bold)) Fonts.AddFontFile(FontName, bold, bold: true, italic: false);
            Fonts.Default = FontName;
            registered = true;
        }
    }

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        EnsureFont();
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
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
