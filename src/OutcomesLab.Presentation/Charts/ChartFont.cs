using ScottPlot;
using SkiaSharp;

namespace OutcomesLab.Presentation.Charts;

/// <summary>
/// The one typeface every chart uses: DejaVu Sans, embedded in this assembly and registered with
/// ScottPlot before any chart is built. ScottPlot's own default resolves to whatever the machine has
/// (a serif face on Debian, nothing at all on a bare CI image, where it silently draws no text), so
/// the charts never depend on installed fonts.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name charts ask for; resolved from the embedded files, never the system.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the embedded typefaces with ScottPlot (idempotent, thread-safe).</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    /// <summary>The embedded regular or bold typeface (for tests and measurements).</summary>
    public static SKTypeface Typeface(bool bold = false) => bold ? Resolver.Value.Bold : Resolver.Value.Regular;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        // First in the list so that "DejaVu Sans" never falls through to a system lookup.
        Fonts.FontResolvers.Insert(0, resolver);
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        var name = $"OutcomesLab.Presentation.Fonts.{file}";
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded font {name} is missing from the Presentation assembly");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"embedded font {name} could not be read by SkiaSharp");
    }

    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface Regular { get; } = regular;
        public SKTypeface Bold { get; } = bold;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            Matches(fontName) ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            Matches(fontName) ? (bold ? Bold : Regular) : null;

        private static bool Matches(string fontName) => string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase);
    }
}
