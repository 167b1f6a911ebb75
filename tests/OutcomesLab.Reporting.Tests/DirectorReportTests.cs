using System.Text.RegularExpressions;
using OutcomesLab.Domain;
using OutcomesLab.Reporting.Charts;
using OutcomesLab.Reporting.Report;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

public sealed partial class DirectorReportTests
{
    [Fact]
    public void Report_links_only_files_it_wrote_and_nothing_outside_the_folder()
    {
        using var folder = new TempFolder();
        var result = DirectorReport.Write(SampleRuns.SmallRun, SampleRuns.Small, folder.Path);
        var html = File.ReadAllText(result.IndexPath);

        var images = ImageSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(result.Charts, images.Count);
        Assert.True(result.Charts > 40, $"only {result.Charts} charts");
        foreach (var src in images)
        {
            Assert.StartsWith("charts/", src, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder.Path, src)), $"{src} is linked but missing");
            Assert.True(File.Exists(Path.Combine(folder.Path, Path.ChangeExtension(src, ".svg"))), $"{src} has no SVG twin");
        }
        // Offline: no scripts, no stylesheets or fonts to fetch, no absolute URLs.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);
    }

    [Fact]
    public void Report_has_an_overview_a_section_per_concern_and_the_methods()
    {
        using var folder = new TempFolder();
        var result = DirectorReport.Write(SampleRuns.SmallRun, SampleRuns.Small, folder.Path);
        var html = File.ReadAllText(result.IndexPath);
        Assert.Contains("<section id=\"overview\">", html, StringComparison.Ordinal);
        foreach (var concern in SampleRuns.Small.PresentingConcerns)
            Assert.Contains($"<section id=\"concern-{concern}\">", html, StringComparison.Ordinal);
        Assert.Equal(4, result.Concerns);
        foreach (var definition in new[]
        {
            "Jacobson &amp; Truax, 1991", "RC ≥ 1.96", "Hedges' g", "J</var> = 1 − 3 / (4 × (<var>n</var> − 1) − 1)", "Pearson correlation",
            "Completed episodes", "ongoing episodes included", "Small-cell suppression (min_cell = 11)", "Secondary", "Baseline", "Final",
            "clinical cut-off", "Calendar trend", "quarter of their intake month", "⌈0.8 × number of items⌉",
        })
            Assert.Contains(definition, html, StringComparison.Ordinal);
        // The norms table is computed from the catalog: SAT S_diff = 9 × √(2 × 0.16) = 5.09 (docs/contracts/catalog.md).
        Assert.Contains("<td>5.09</td>", html, StringComparison.Ordinal);
        Assert.Contains("a change of 9.98 points", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_states_g_its_interval_and_the_reliable_improvement_rate_in_plain_words()
    {
        var context = new ChartContext(SampleRuns.Run([]), new ReportNames(TestCatalog.Default));
        var row = SampleRuns.Row("SAT", "low_desire", "cbt", "all", 117, g: 0.52, ciHalf: 0.21, pctImproved: 38.46, pctDeteriorated: 1.7);
        var sentence = ReportSentences.ForApproach(context, row);
        Assert.Equal("CBT", sentence.Subject);
        Assert.Equal(
            " (117 clients with a first and a last score): scores improved by a moderate amount "
            + "(Hedges' g = 0.52, 95% CI 0.31 to 0.73); 38% reliably improved and 2% reliably deteriorated; "
            + "of the 58 who started in the clinical range, 50% ended outside it.", sentence.Text);

        var unsure = ReportSentences.ForApproach(context, row with { EffectSizeG = -0.1, GCiLow = -0.3, GCiHigh = 0.1 });
        Assert.Contains("scores barely changed (Hedges' g = -0.10, 95% CI -0.30 to 0.10), but the interval includes zero", unsure.Text, StringComparison.Ordinal);
        var worse = ReportSentences.ForApproach(context, row with { EffectSizeG = -0.9, GCiLow = -1.2, GCiHigh = -0.6 });
        Assert.Contains("scores worsened by a large amount", worse.Text, StringComparison.Ordinal);
        var hidden = ReportSentences.ForApproach(context, SampleRuns.SuppressedRow("SAT", "low_desire", "cbt", "all"));
        Assert.Equal("CBT", hidden.Subject);
        Assert.StartsWith(": not shown — fewer than 11 clients", hidden.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_names_are_escaped_and_cannot_choose_file_paths()
    {
        const string evilConcern = "<img src=x onerror=alert(1)>";
        const string evilApproach = "../../escape\"me";
        var catalog = new Catalog(TestCatalog.Default.Instruments.Values, [evilConcern], [evilApproach]);
        var run = SampleRuns.Run(
        [
            SampleRuns.Row("SAT", evilConcern, evilApproach, "all", 30),
            SampleRuns.Row("SAT", evilConcern, Codes.All, "all", 30),
        ]);
        using var folder = new TempFolder();
        var result = DirectorReport.Write(run, catalog, folder.Path);
        var html = File.ReadAllText(result.IndexPath);
        Assert.DoesNotContain(evilConcern, html, StringComparison.Ordinal);
        Assert.DoesNotContain("escape\"me", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        var written = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
        Assert.All(written, f => Assert.True(f == result.IndexPath || Path.GetDirectoryName(f) == Path.Combine(folder.Path, "charts"), f));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, "charts"), "*.png"));
    }

    [Fact]
    public void Hostile_catalog_codes_appear_encoded_in_text_attributes_and_table_cells()
    {
        const string script = "<script>alert(1)</script>";
        const string breakout = "\"><img src=x onerror=1>";
        var catalog = new Catalog(TestCatalog.Default.Instruments.Values, [script, "low_desire"], [breakout]);
        var run = SampleRuns.Run(
        [
            SampleRuns.Row("SAT", script, breakout, "all", 30),
            SampleRuns.Row("SAT", script, Codes.All, "all", 30),
            SampleRuns.Row("SAT", "low_desire", breakout, "all", 30),
        ]);
        using var folder = new TempFolder();
        var html = File.ReadAllText(DirectorReport.Write(run, catalog, folder.Path).IndexPath);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><img src=x", html, StringComparison.Ordinal);
        // In the contents, the section heading, the table caption and the sentences.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=1&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_an_instrument_the_catalog_lacks_stops_with_a_clear_error()
    {
        var run = SampleRuns.Run([SampleRuns.Row("PHQ9", "low_desire", "cbt", "all", 30)]);
        using var folder = new TempFolder();
        var error = Assert.Throws<InvalidDataException>(() => DirectorReport.Write(run, TestCatalog.Default, folder.Path));
        Assert.Contains("PHQ9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_stems_keep_safe_codes_and_hash_the_rest()
    {
        Assert.Equal("low_desire", FileStems.Slug("low_desire"));
        Assert.Equal("SAT-low_desire-forest", FileStems.For("SAT", "low_desire", "forest"));
        Assert.Equal("SAT-overview-heatmap", FileStems.For("SAT", null, "heatmap"));
        var a = FileStems.Slug("../x");
        var b = FileStems.Slug("..-x");
        Assert.NotEqual(a, b);
        Assert.Matches("^[A-Za-z0-9_-]+$", a);
        Assert.DoesNotContain("/", FileStems.Slug("../../etc/passwd"), StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_are_invariant_and_never_negative_zero()
    {
        Assert.Equal("0.00", Html.Number(-0.001));
        Assert.Equal("-0.50", Html.Number(-0.5));
        Assert.Equal("1234.57", Html.Number(1234.567));
        Assert.Equal("0.0", Html.Number(-0.04, "0.0"));
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImageSources();

    [GeneratedRegex("(src|href)=\"(https?:|//|file:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
