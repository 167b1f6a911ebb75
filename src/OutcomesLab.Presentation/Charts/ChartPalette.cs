using ScottPlot;

namespace OutcomesLab.Presentation.Charts;

/// <summary>
/// Colour-blind-safe colours: the Okabe–Ito palette (Okabe &amp; Ito 2008, "Color Universal Design"),
/// distinguishable with protanopia, deuteranopia and tritanopia. Series also differ by marker shape
/// and line pattern, so no chart relies on colour alone.
/// </summary>
public static class ChartPalette
{
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    /// <summary>Okabe–Ito yellow darkened: the original is too faint as a thin line on white.</summary>
    public static readonly Color DarkYellow = Color.FromHex("#B5A300");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");

    /// <summary>Neutral greys for "no reliable change", suppressed cells and reference lines.</summary>
    public static readonly Color LightGrey = Color.FromHex("#C8C8C8");
    public static readonly Color MidGrey = Color.FromHex("#7A7A7A");
    public static readonly Color DarkGrey = Color.FromHex("#3C3C3C");

    /// <summary>Improvement and deterioration, used with the same meaning on every chart.</summary>
    public static Color Improved => Blue;
    public static Color Deteriorated => Vermillion;

    // Series order: the strongest contrasts on white first, a darkened yellow late because thin
    // Okabe–Ito yellow lines are hard to see on white. Grey is kept for "all approaches" and
    // "no reliable change", so the eighth approach reuses blue with a dashed line and open marker.
    private static readonly Color[] SeriesColours = [Blue, Orange, BluishGreen, Vermillion, ReddishPurple, SkyBlue, DarkYellow, Blue];
    private static readonly MarkerShape[] SeriesMarkers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenDiamond,
    ];
    private static readonly LinePattern[] SeriesPatterns = [LinePattern.Solid, LinePattern.Solid, LinePattern.Dashed, LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.Solid, LinePattern.Dashed];

    /// <summary>
    /// The look of one approach, fixed by its position in the catalog so an approach has the same
    /// colour on every chart of the report. The <c>all</c> roll-up is always black.
    /// </summary>
    public static SeriesLook ForApproach(string approach, IReadOnlyList<string> approachOrder)
    {
        if (approach == Domain.Codes.All) return new SeriesLook(Black, MarkerShape.OpenCircle, LinePattern.Solid, 3f);
        var index = IndexOf(approach, approachOrder);
        return new SeriesLook(SeriesColours[index % SeriesColours.Length], SeriesMarkers[index % SeriesMarkers.Length],
            SeriesPatterns[index % SeriesPatterns.Length], 2f);
    }

    private static int IndexOf(string approach, IReadOnlyList<string> order)
    {
        for (var i = 0; i < order.Count; i++)
            if (string.Equals(order[i], approach, StringComparison.Ordinal)) return i;
        // An approach the catalog does not list still gets a stable look of its own.
        return order.Count + (int)(StableHash(approach) % 8);
    }

    private static uint StableHash(string s)
    {
        uint h = 2166136261; // FNV-1a: stable across processes, unlike string.GetHashCode
        foreach (var c in s) h = (h ^ c) * 16777619;
        return h;
    }
}

/// <summary>How one series is drawn: colour, marker, line pattern and width.</summary>
public sealed record SeriesLook(Color Colour, MarkerShape Marker, LinePattern Pattern, float LineWidth);
