using System.Xml.Linq;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Charts;
using OutcomesLab.Reporting.Charts;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

/// <summary>
/// The cookbook as tests: every recipe renders from fixed-seed data to a PNG that is not blank and
/// has its text really drawn (the embedded font, not whatever the machine has), and to an SVG that
/// carries the title, labels and footnote. The PNGs are kept as artifacts to look at.
/// </summary>
public sealed class ChartRecipeTests
{
    private static readonly ChartContext Context = new(SampleRuns.Full, new ReportNames(TestCatalog.Default));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var recipe in ChartRecipes.All)
            foreach (var instrument in new[] { "SAT", "DIST", "TRUST" })
                data.Add(recipe.Name, instrument);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recipe_renders_a_png_with_drawn_text_and_an_svg_with_its_words(string recipeName, string instrumentCode)
    {
        var recipe = ChartRecipes.All.Single(r => r.Name == recipeName);
        var instrument = TestCatalog.Instrument(instrumentCode);
        var subject = new ChartSubject(instrument, recipe is EffectSizeHeatmapChart ? null : "low_desire");
        using var plan = recipe.Plan(Context, subject);
        Assert.NotNull(plan);

        var png = ChartRenderer.Png(plan);
        File.WriteAllBytes(Path.Combine(TestArtifacts.Folder("charts"), $"{instrumentCode}-{recipeName}.png"), png);
        using var probe = new PixelProbe(png);
        Assert.Equal((plan.Width, plan.Height), (probe.Width, probe.Height));
        Assert.True(probe.NonBackgroundShare() > 0.05, $"only {probe.NonBackgroundShare():P1} of the chart differs from the background");
        Assert.True(probe.DistinctColours() > 20, "the chart has almost no colours: nothing was drawn");

        // Text really drawn: render again with the title in the background colour (same layout); the
        // title band must then lose hundreds of dark glyph pixels.
        var band = (Top: 0, Bottom: 50, Left: 0, Right: plan.Width);
        var titleColour = plan.TitleLabel.ForeColor;
        plan.TitleLabel.ForeColor = ScottPlot.Colors.White;
        using (var invisible = new PixelProbe(ChartRenderer.Png(plan)))
        {
            var glyphs = probe.DarkPixels(band.Top, band.Bottom, band.Left, band.Right) - invisible.DarkPixels(band.Top, band.Bottom, band.Left, band.Right);
            Assert.True(glyphs > 400, $"the title band has only {glyphs} dark pixels more with the title than without: its text was not drawn");
        }
        plan.TitleLabel.ForeColor = titleColour;
        // The footnote is the last line of the figure and nothing else is drawn there.
        Assert.True(probe.DarkPixels(plan.Height - 22, plan.Height, 0, plan.Width / 2) > 150, "the run footnote was not drawn");

        var svg = ChartRenderer.Svg(plan);
        var texts = SvgText(svg);
        foreach (var expected in ExpectedWords(recipeName, instrument))
            Assert.True(texts.Any(t => t.Contains(expected, StringComparison.Ordinal)), $"the SVG has no text containing \"{expected}\": {string.Join(" | ", texts)}");
        Assert.Contains(texts, t => t.StartsWith($"Aggregate run {SampleRuns.Seed}", StringComparison.Ordinal) && t.Contains("min_cell 11", StringComparison.Ordinal));
        var families = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => (string?)e.Attribute("font-family")).Distinct().ToList();
        Assert.Equal([ChartFont.Family], families);
    }

    [Fact]
    public void Every_recipe_returns_nothing_when_every_group_is_suppressed()
    {
        var run = SampleRuns.Run(
            [SampleRuns.SuppressedRow("SAT", "low_desire", "cbt", "all"), SampleRuns.SuppressedRow("SAT", "low_desire", Codes.All, "all")],
            [new TrajectoryRow("SAT", "low_desire", "cbt", 0, null, null, null, null, null, true)],
            [new TrendRow("SAT", "low_desire", "cbt", "2025-Q1", null, null, null, null, null, true)]);
        var context = new ChartContext(run, new ReportNames(TestCatalog.Default));
        foreach (var recipe in ChartRecipes.All)
        {
            using var plan = recipe.Plan(context, new ChartSubject(TestCatalog.Instrument("SAT"), recipe is EffectSizeHeatmapChart ? null : "low_desire"));
            Assert.Null(plan);
        }
    }

    [Fact]
    public void The_embedded_font_is_what_ScottPlot_draws_with()
    {
        ChartFont.EnsureRegistered();
        Assert.Equal("DejaVu Sans", ChartFont.Typeface().FamilyName);
        Assert.True(ChartFont.Typeface(bold: true).FontStyle.Weight >= 700);
        // ScottPlot resolves the family to the embedded typeface, not to a system lookup.
        Assert.Same(ChartFont.Typeface(), ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: false, italic: false));
        Assert.Same(ChartFont.Typeface(bold: true), ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false));
        // The licence travels with the font.
        Assert.Contains("Bitstream", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "licenses", "DejaVu-LICENSE.txt")), StringComparison.Ordinal);
    }

    internal static List<string> SvgText(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    private static IEnumerable<string> ExpectedWords(string recipe, Instrument instrument) => recipe switch
    {
        "trajectory" =>
        [
            $"{instrument.Code}: mean score by session",
            $"Low desire · {instrument.Construct} · {(instrument.HigherIsBetter ? "↑ higher is better" : "↓ lower is better")}",
            "grey: all approaches together", "bands: 95% CI", "session (0 = intake)", $"mean {instrument.Code} score", "· n ",
            instrument.ClinicalCutoff is null ? "no clinical cut-off" : "dashed: clinical cut-off",
        ],
        "forest" =>
        [
            $"{instrument.Code}: effect size by approach", "Hedges' g, baseline → final (positive = improvement, 0 = no change)",
            "approach · n (all / completed episodes)", "all episodes (ongoing: latest score)", "completed episodes only", "All approaches · ",
        ],
        "reliable-change" =>
        [
            $"{instrument.Code}: reliable change by approach", "reliably improved", "no reliable change", "reliably deteriorated", "All approaches · ",
        ],
        "trend" =>
        [
            $"{instrument.Code}: % reliably improved by quarter of intake", "Quarter in which the episode started", "% reliably improved", "2023 Q1", "% of clients reliably improved",
        ],
        "heatmap" =>
        [
            $"{instrument.Code}: effect size by concern and approach", "Hedges' g", "Low desire", "Relationship intimacy", "All concerns", "CBT",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(recipe)),
    };
}
