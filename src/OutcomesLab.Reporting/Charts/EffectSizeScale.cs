using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// The diverging colour scale of effect sizes: Okabe–Ito vermillion (deterioration) through white
/// (no change) to Okabe–Ito blue (improvement), symmetric around g = 0 and clamped at ±<see cref="Limit"/>,
/// so the same colour means the same g on every heatmap. Serves as ScottPlot colormap and colour-bar source.
/// </summary>
public sealed class EffectSizeScale : IColormap, IHasColorAxis
{
    public const double Limit = 1.2;

    public string Name => "Okabe–Ito vermillion–white–blue";

    public IColormap Colormap
    {
        get => this;
        set => throw new NotSupportedException("the effect-size scale has a fixed colormap");
    }

    public ScottPlot.Range GetRange() => new(-Limit, Limit);

    /// <summary>Colour of an effect size.</summary>
    public Color ColourOf(double g) => GetColor((Math.Clamp(g, -Limit, Limit) + Limit) / (2 * Limit));

    /// <summary>Position 0 → vermillion, 0.5 → white, 1 → blue.</summary>
    public Color GetColor(double position)
    {
        position = Math.Clamp(position, 0, 1);
        return position < 0.5
            ? Mix(ChartPalette.Deteriorated, Colors.White, position / 0.5)
            : Mix(Colors.White, ChartPalette.Improved, (position - 0.5) / 0.5);
    }

    /// <summary>Whether text on a cell of this effect size should be white to stay readable.</summary>
    public static bool NeedsLightText(double g) => Math.Abs(g) > 0.7 * Limit;

    private static Color Mix(Color a, Color b, double t) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * t),
        (byte)Math.Round(a.G + (b.G - a.G) * t),
        (byte)Math.Round(a.B + (b.B - a.B) * t));
}
