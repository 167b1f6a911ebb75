using OutcomesLab.Quality.Report;

namespace OutcomesLab.Quality.Tests;

/// <summary>Therapist and site codes come from a practice's export: markup in them must reach the page as text.</summary>
public class HostileCodeReportTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Breakout = "\"><img src=x onerror=1>";

    [Fact]
    public void Markup_in_therapist_and_site_codes_appears_encoded_in_every_table()
    {
        var b = new PracticeBuilder();
        for (var i = 0; i < 15; i++)
        {
            b.Series(b.Episode(Script, site: Breakout), "SAT", (0, 30), (8, 40 + i % 4));
            b.Series(b.Episode("T2", site: "S2"), "SAT", (0, 30), (8, 33 + i % 3));
        }
        var result = QualityAnalysis.Run(b.Build(), new QiOptions { MinCell = 11 });

        var html = QiHtmlReport.Render(result, new QiReportContext(DateTimeOffset.UnixEpoch, null), new Dictionary<string, string>());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&quot;&gt;&lt;img src=x onerror=1&gt;</td>", html, StringComparison.Ordinal);
    }
}
