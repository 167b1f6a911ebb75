using System.Xml.Linq;
using OutcomesLab.Domain;
using OutcomesLab.Quality.Charts;
using OutcomesLab.Quality.Comparison;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Quality.Tests;

public class ChartTests
{
    private static List<string> SvgTexts(string path) =>
        XDocument.Load(path).Descendants("{http://www.w3.org/2000/svg}text").Select(t => t.Value.Trim()).ToList();

    [Fact]
    public void A_funnel_labels_the_units_outside_its_limits_and_no_other()
    {
        var b = new PracticeBuilder();
        void Add(string t, int improved, int not)
        {
            for (var i = 0; i < improved + not; i++) b.Series(b.Episode(t), "SAT", (0, 30), (8, i < improved ? 42 : 32));
        }
        Add("TGOOD", 36, 4);
        Add("TPOOR", 4, 36);
        foreach (var t in new[] { "T1", "T2", "T3", "T4" }) Add(t, 20, 20);
        var input = b.Build();
        var comparison = UnitComparer.Compare(Catalog.Default.Instruments["SAT"], input.Outcomes, 11).Therapists;

        using var folder = new TempFolder();
        QiChartStyle.Save(FunnelChart.Create(comparison, "SAT"), folder.Path, "funnel", 900, 600);
        var texts = SvgTexts(folder.File("funnel.svg"));
        Assert.Contains("TGOOD", texts);
        Assert.Contains("TPOOR", texts);
        Assert.DoesNotContain("T1", texts);
        Assert.Contains(texts, t => t.StartsWith("practice 50.0%", StringComparison.Ordinal));
    }

    [Fact]
    public void A_funnel_with_nothing_to_show_says_so_instead_of_drawing_an_empty_frame()
    {
        var b = new PracticeBuilder();
        for (var i = 0; i < 5; i++) b.Series(b.Episode("T1"), "SAT", (0, 30), (8, 40));
        var comparison = UnitComparer.Compare(Catalog.Default.Instruments["SAT"], b.Build().Outcomes, 11).Therapists;
        Assert.Empty(comparison.Rows);

        using var folder = new TempFolder();
        QiChartStyle.Save(FunnelChart.Create(comparison, "SAT"), folder.Path, "empty", 600, 400);
        Assert.Contains(SvgTexts(folder.File("empty.svg")), t => t.Contains("no therapists to show", StringComparison.Ordinal));
    }
}
