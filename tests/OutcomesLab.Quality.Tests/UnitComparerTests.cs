using OutcomesLab.Domain;
using OutcomesLab.Quality.Comparison;

namespace OutcomesLab.Quality.Tests;

public class UnitComparerTests
{
    // SAT: S_diff = 9 × sqrt(2 × (1 − 0.84)) = 5.091; a gain of 12 is reliable (RC 2.36), a gain of 2 is not.
    private static void Add(PracticeBuilder b, string therapist, int improved, int notImproved, string endReason = "completed", double trust = 4.0)
    {
        for (var i = 0; i < improved + notImproved; i++)
        {
            var e = b.Episode(therapist, endReason: endReason);
            b.Series(e, "SAT", (0, 30), (8, i < improved ? 42 : 32));
            b.Series(e, "TRUST", (1, 4.5), (8, trust));
        }
    }

    [Fact]
    public void Small_therapists_are_pooled_and_figures_follow_their_definitions()
    {
        var b = new PracticeBuilder();
        Add(b, "TBIG1", improved: 10, notImproved: 5);
        Add(b, "TBIG1", improved: 0, notImproved: 5, endReason: "dropout", trust: 3.0);
        Add(b, "TBIG2", improved: 3, notImproved: 12, trust: 4.5);
        Add(b, "TSMALL1", improved: 4, notImproved: 0);
        Add(b, "TSMALL2", improved: 1, notImproved: 7, endReason: "dropout");
        var input = b.Build();

        var c = UnitComparer.Compare(Catalog.Default.Instruments["SAT"], input.Outcomes, minCell: 11).Therapists;

        Assert.Equal(["TBIG1", "TBIG2", "other"], c.Rows.Select(r => r.Unit));
        Assert.DoesNotContain(c.Rows, r => r.Unit.StartsWith("TSMALL", StringComparison.Ordinal));
        var big1 = c.Rows[0];
        Assert.Equal((20, 20, 10), (big1.Episodes, big1.Paired, big1.ReliablyImproved));
        Assert.Equal(50.0, big1.PctReliablyImproved, 12);
        var other = c.Rows[2];
        Assert.Equal((2, 12, 5), (other.UnitsInRow, other.Paired, other.ReliablyImproved));
        Assert.Equal(2, c.UnitsPooled);
        Assert.Equal((47, 18), (c.Practice.Paired, c.Practice.ReliablyImproved));
        Assert.Equal(18.0 / 47, c.PracticeRate, 12);
    }

    [Fact]
    public void Dropout_and_alliance_are_per_episode_and_need_min_cell_ended_episodes()
    {
        var b = new PracticeBuilder();
        Add(b, "TBIG1", improved: 10, notImproved: 5);
        Add(b, "TBIG1", improved: 0, notImproved: 5, endReason: "dropout", trust: 3.0);
        Add(b, "TBIG2", improved: 3, notImproved: 12, trust: 4.5);
        Add(b, "TBIG3", improved: 2, notImproved: 3);
        Add(b, "TBIG3", improved: 2, notImproved: 7, endReason: "ongoing");   // 14 episodes, only 5 ended
        Add(b, "TSMALL1", improved: 4, notImproved: 0);
        Add(b, "TSMALL2", improved: 1, notImproved: 7, endReason: "dropout");
        var input = b.Build();

        var (therapists, _) = EngagementComparer.Compare(input.Episodes, new AdministrationOrder(input.Administrations).LatestScores("TRUST"),
            hasAlliance: true, minCell: 11);

        var rows = therapists.Rows.ToDictionary(r => r.Unit);
        Assert.Equal(["TBIG1", "TBIG2", "other"], therapists.Rows.Select(r => r.Unit));   // TBIG3: 5 ended < 11, pooled
        Assert.Equal(25.0, rows["TBIG1"].PctDropout, 12);                                 // 5 dropouts of 20 ended
        Assert.Equal((15 * 4.0 + 5 * 3.0) / 20, rows["TBIG1"].MeanAlliance!.Value, 12);
        Assert.Equal((3, 26, 17, 8), (rows["other"].UnitsInRow, rows["other"].Episodes, rows["other"].Ended, rows["other"].Dropouts));
        Assert.True(therapists.AllianceShown);
    }

    [Fact]
    public void Outliers_are_classified_against_the_practice_rate()
    {
        var b = new PracticeBuilder();
        Add(b, "TGOOD", improved: 36, notImproved: 4);
        Add(b, "TPOOR", improved: 4, notImproved: 36);
        foreach (var t in new[] { "T1", "T2", "T3", "T4" }) Add(b, t, improved: 20, notImproved: 20);
        var input = b.Build();
        var c = UnitComparer.Compare(Catalog.Default.Instruments["SAT"], input.Outcomes, minCell: 11).Therapists;
        var rows = c.Rows.ToDictionary(r => r.Unit);
        Assert.Equal(0.5, c.PracticeRate, 12);
        Assert.Equal(Funnel.FunnelPosition.Above998, rows["TGOOD"].Position);
        Assert.Equal(Funnel.FunnelPosition.Below998, rows["TPOOR"].Position);
        Assert.Equal(Funnel.FunnelPosition.Within, rows["T1"].Position);
    }
}
