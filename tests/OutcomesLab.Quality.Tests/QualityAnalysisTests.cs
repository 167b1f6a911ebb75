using OutcomesLab.Quality.Report;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Quality.Tests;

public class QualityAnalysisTests
{
    [Fact]
    public void The_period_limits_the_comparisons_while_models_and_alerts_use_all_data()
    {
        var b = new PracticeBuilder();
        var rng = new Random(5);
        for (var i = 0; i < 120; i++)
        {
            var month = i % 3 == 0 ? "2025-08" : "2025-02";   // 40 in 2025-Q3, 80 in 2025-Q1
            var e = b.Episode("T" + (i % 2), intakeMonth: month);
            var start = 25 + 10 * rng.NextDouble();
            b.Series(e, "SAT", (0, start), (4, start + 4 + SyntheticEffects.Noise(rng, 2)), (8, start + 8 + SyntheticEffects.Noise(rng, 3)));
        }
        var old = b.Episode("T0", endReason: "ongoing", intakeMonth: "2025-01", episodeRef: "old-active");
        b.Series(old, "TRUST", (1, 3.0));
        var input = b.Build();

        var q3 = QualityAnalysis.Run(input, new QiOptions { Period = IntakeQuarter.Parse("2025-Q3") });
        var all = QualityAnalysis.Run(input, new QiOptions());

        Assert.Equal(40, q3.Therapists.Single().Practice.Paired);
        Assert.Equal(120, all.Therapists.Single().Practice.Paired);
        Assert.Equal(40, q3.CaseMix.Therapists.Practice!.Episodes);
        Assert.Equal(120, q3.CaseMix.TrainingEpisodes);                 // trained on every completed episode
        Assert.Equal(all.CaseMix.Quality, q3.CaseMix.Quality);          // the same model whatever the period
        Assert.Contains(q3.Alerts, a => a.EpisodeRef == "old-active");  // an active episode alerts whatever its intake quarter
        Assert.Equal((40, 121), (q3.EpisodesInPeriod, q3.EpisodesTotal));
    }

    [Fact]
    public void An_empty_store_gives_a_report_that_says_there_is_nothing_to_compare()
    {
        using var folder = new TempFolder();
        var result = QualityAnalysis.Run(new PracticeBuilder().Build(), new QiOptions());
        var files = QiReportWriter.Write(result, new QiReportContext(DateTimeOffset.UnixEpoch, null), folder.Path);
        var html = File.ReadAllText(files.Index);
        Assert.Contains("nothing to compare", html, StringComparison.Ordinal);
        Assert.Contains("not fitted: 0 completed paired episodes", html, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(files.Alerts));   // the header only
    }

    [Theory]
    [InlineData("2025-Q3", 2025, 3)]
    [InlineData(" 2024-Q1 ", 2024, 1)]
    public void A_period_parses(string text, int year, int quarter) => Assert.Equal(new IntakeQuarter(year, quarter), IntakeQuarter.Parse(text));

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("2025Q3")]
    [InlineData("Q3-2025")]
    [InlineData("2025-07")]
    public void A_malformed_period_is_refused_with_the_expected_form(string text) =>
        Assert.Contains("2025-Q3", Assert.Throws<FormatException>(() => IntakeQuarter.Parse(text)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("2025-07", true)]
    [InlineData("2025-09", true)]
    [InlineData("2025-10", false)]
    [InlineData("2025-06", false)]
    [InlineData("2025-13", false)]
    public void A_quarter_contains_its_three_months(string month, bool contained) =>
        Assert.Equal(contained, IntakeQuarter.Parse("2025-Q3").Contains(month));
}
