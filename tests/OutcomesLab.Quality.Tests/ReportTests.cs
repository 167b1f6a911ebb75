using OutcomesLab.Quality.Report;
using OutcomesLab.TestSupport;
using SkiaSharp;

namespace OutcomesLab.Quality.Tests;

[Trait("Category", "EndToEnd")]
public class ReportTests : IClassFixture<ReportTests.Rendered>
{
    /// <summary>One report of the planted-effect practice, with active episodes, a small therapist and a hostile-looking code.</summary>
    public sealed class Rendered
    {
        /// <summary>tests/TestResults/artifacts/qi-report/report: kept for a person to open after the run.</summary>
        public string Folder { get; } = TestArtifacts.Folder("qi-report");
        public QiResult Result { get; }
        public QiReportFiles Files { get; }
        public string Html { get; }

        public Rendered()
        {
            var input = SyntheticEffects.Build(episodesPerTherapist: 60, ongoingPerTherapist: 12);
            var extra = new PracticeBuilder();
            // Therapists with 5 and 6 paired episodes must never be named (together they make an "other" of 11);
            // a code with markup must be escaped.
            for (var i = 0; i < 11; i++)
                extra.Series(extra.Episode(i < 5 ? "TSMALL9" : "TSMALL8", site: "S1", episodeRef: $"small-{i}"), "SAT", (0, 30), (8, 40));
            for (var i = 0; i < 15; i++)
                extra.Series(extra.Episode("T<b>&x", site: "S1", episodeRef: $"markup-{i}"), "SAT", (0, 30), (8, 38 + i % 5));
            var more = extra.Build();
            input = input with
            {
                Episodes = [.. input.Episodes, .. more.Episodes],
                Outcomes = [.. input.Outcomes, .. more.Outcomes],
                Administrations = [.. input.Administrations, .. more.Administrations],
            };
            Result = QualityAnalysis.Run(input, new QiOptions { MinCell = 11 });
            var reportFolder = Path.Combine(Folder, "report");
            if (Directory.Exists(reportFolder)) Directory.Delete(reportFolder, recursive: true);
            Files = QiReportWriter.Write(Result, new QiReportContext(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero), 42), reportFolder);
            Html = File.ReadAllText(Files.Index);
        }
    }

    private readonly Rendered r;
    public ReportTests(Rendered rendered) => r = rendered;

    [Fact]
    public async Task The_page_opens_in_Chromium_with_every_chart_loaded_and_no_errors()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        var page = await browser.VisitAsync(new Uri(r.Files.Index).AbsoluteUri, Path.Combine(r.Folder, "screenshot.png"), 1280, 2400);
        Assert.True(page.Clean, page.Problems());
        Assert.Equal(r.Files.Charts.Count, page.ImageCount);
        using var shot = SKBitmap.Decode(page.ScreenshotPath!);
        Assert.True(DarkPixels(shot, 0, 200) > 2000, "the top of the page has no text: it did not render");
    }

    [Fact]
    public void The_page_is_offline_and_escapes_data()
    {
        Assert.DoesNotContain("http://", r.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", r.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", r.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", r.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("T&lt;b&gt;&amp;x", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("T<b>", r.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_therapist_is_never_named_in_the_report()
    {
        Assert.DoesNotContain("TSMALL", r.Html, StringComparison.Ordinal);
        Assert.Contains("&quot;other&quot; pools", r.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Result.Therapists.SelectMany(c => c.Rows), row => row.Unit.StartsWith("TSMALL", StringComparison.Ordinal));
        // The pool (11 of 11 reliably improved: far above the practice) is a mix nobody can act on: not judged, not plotted.
        var pool = r.Result.Therapists.Single(c => c.Instrument == "SAT").Rows.Single(row => row.Unit == "other");
        Assert.Equal(Funnel.FunnelPosition.Within, pool.Position);
        Assert.Contains("<td>other <span class=\"dim\">(2)</span></td><td>11</td><td>11</td><td>11</td><td>100.0%</td><td>pool</td>", r.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_states_its_methods_model_quality_and_outliers()
    {
        Assert.Contains("Spiegelhalter 2005", r.Html, StringComparison.Ordinal);
        Assert.Contains("exact binomial", r.Html, StringComparison.Ordinal);
        Assert.Contains("mean alliance (TRUST)", r.Html, StringComparison.Ordinal);
        Assert.Contains("intake quarter", r.Html, StringComparison.Ordinal);
        var q = r.Result.CaseMix.Quality!;
        Assert.Contains($"R² = {q.RSquared.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}", r.Html, StringComparison.Ordinal);
        Assert.Contains($"MAE = {q.MeanAbsoluteError.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}", r.Html, StringComparison.Ordinal);
        Assert.Contains("aggregate run 42", r.Html, StringComparison.Ordinal);
        // The planted effects are named as worse/better than expected in the text.
        Assert.Contains("worse than expected (95% CI below 0): TLOW", r.Html, StringComparison.Ordinal);
        Assert.Contains("better than expected (95% CI above 0): THIGH", r.Html, StringComparison.Ordinal);
        // Every unit outside the funnel limits is named in the text.
        foreach (var row in r.Result.Therapists.Concat(r.Result.Sites).SelectMany(c => c.Rows).Where(x => x.Position != Funnel.FunnelPosition.Within))
            Assert.Contains(OutcomesLab.Presentation.Pages.HtmlPages.Encoder.Encode(row.Unit) + " above", r.Html.Replace(" below", " above", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_csv_has_exactly_the_agreed_columns_and_pseudonyms_only()
    {
        var lines = File.ReadAllLines(r.Files.Alerts);
        Assert.Equal("episode_ref,therapist_id,site_id,instrument,session_number,reason,latest_score,expected_score,lower_bound", lines[0]);
        Assert.Equal(r.Result.Alerts.Count + 1, lines.Length);
        Assert.True(r.Result.Alerts.Count > 0, "the fixture has active episodes; some should alert");
        Assert.All(lines.Skip(1), l => Assert.Equal(9, l.Split(',').Length));
        var episodeRefs = r.Result.Alerts.Select(a => a.EpisodeRef).ToHashSet();
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[0], episodeRefs));
    }

    [Fact]
    public void Every_chart_is_written_as_png_and_svg_with_text_drawn()
    {
        Assert.Equal(2 * 2 + 2, r.Files.Charts.Count);   // SAT and DIST × therapist and site, plus two observed − expected charts
        foreach (var chart in r.Files.Charts)
        {
            var png = Path.Combine(r.Files.ChartFolder, chart + ".png");
            var svg = Path.Combine(r.Files.ChartFolder, chart + ".svg");
            Assert.True(File.Exists(png) && File.Exists(svg), chart);
            using var bitmap = SKBitmap.Decode(png);
            Assert.True(DarkPixels(bitmap, 0, 40) > 200, $"{chart}: no title text drawn");
            // Well-formed XML whose text elements include the title (ScottPlot writes text as SVG text, escaped).
            var texts = System.Xml.Linq.XDocument.Load(svg).Descendants("{http://www.w3.org/2000/svg}text").Select(t => t.Value.Trim()).ToList();
            Assert.Contains(texts, t => t.Contains(chart.StartsWith("funnel", StringComparison.Ordinal) ? "% reliably improved by" : "Observed − expected change by", StringComparison.Ordinal));
        }
    }

    // The title band of a ScottPlot chart holds nothing but the title: dark pixels there are text.
    private static int DarkPixels(SKBitmap bitmap, int top, int height)
    {
        var n = 0;
        for (var y = top; y < Math.Min(bitmap.Height, top + height); y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y) is var c && c.Red < 100 && c.Green < 100 && c.Blue < 100) n++;
        return n;
    }
}
