using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>trends.csv: the group figures by intake quarter, population all, suppressed like aggregates.</summary>
public sealed class TrendTests
{
    [Theory]
    [InlineData("2025-01", "2025-Q1")]
    [InlineData("2025-03", "2025-Q1")]
    [InlineData("2025-04", "2025-Q2")]
    [InlineData("2025-09", "2025-Q3")]
    [InlineData("2025-10", "2025-Q4")]
    [InlineData("2024-12", "2024-Q4")]
    public void Intake_month_to_quarter(string month, string quarter) => Assert.Equal(quarter, IntakeQuarter.FromMonth(month));

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("25-01-01")]
    public void A_malformed_month_is_refused_without_echoing_it(string month)
    {
        var e = Assert.Throws<InvalidDataException>(() => IntakeQuarter.FromMonth(month));
        Assert.DoesNotContain(month, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quarters_split_the_hand_computed_dataset()
    {
        // HandComputedDatasetTests' episodes all start in 2025-01 (Q1) except E3 and E4, moved here to 2025-05 (Q2).
        var data = HandComputedDatasetTests.Dataset();
        for (var i = 0; i < data.Episodes.Count; i++)
        {
            var e = data.Episodes[i];
            if (e.Info.EpisodeRef is "E3" or "E4") data.Episodes[i] = e with { Info = e.Info with { IntakeMonth = "2025-05" } };
        }
        var f = data.Compute(minCell: 1);
        TrendRow T(string concern, string approach, string q) =>
            f.Trends.Single(r => r.Instrument == "SAT" && r.PresentingConcern == concern && r.Approach == approach && r.IntakeQuarter == q);

        // low_desire/cbt Q1: E1 (28 → 40), E2 (34 → 38): n 2 → no g; 1 of 2 reliably improved (E1) = 50%.
        var q1 = T("low_desire", "cbt", "2025-Q1");
        Assert.Equal(2, q1.NPaired);
        Assert.Null(q1.EffectSizeG);
        Assert.Equal(50.0, q1.PctReliablyImproved);
        // low_desire/all Q1: E1, E2, E5, E6 paired: baselines 28, 34, 38, 32 (mean 33, s² = 52/3), finals 40, 38, 26, 34
        // (mean 34.5, deviations 5.5, 3.5, −8.5, −0.5): d = 1.5 / sqrt(52/3), J = 1 − 3/11 = 8/11, g = 8/11 × 1.5 / 4.163332 = 0.26202.
        // r: Sxy = (−5)(5.5) + 1(3.5) + 5(−8.5) + (−1)(−0.5) = −66, Sxx = 52, Syy = 30.25 + 12.25 + 72.25 + 0.25 = 115 → r = −66 / sqrt(5980).
        // CI: g ± 1.96 sqrt(2(1 − r)/4 + g²/8). Improved: E1 only → 25%.
        var all = T("low_desire", "all", "2025-Q1");
        Assert.Equal(4, all.NPaired);
        var g = 8.0 / 11 * 1.5 / Math.Sqrt(52.0 / 3);
        Assert.Equal(g, all.EffectSizeG!.Value, 14);
        var r = -66 / Math.Sqrt(5980);
        var half = 1.96 * Math.Sqrt(2 * (1 - r) / 4 + g * g / 8);
        Assert.Equal(g - half, all.GCiLow!.Value, 13);
        Assert.Equal(g + half, all.GCiHigh!.Value, 13);
        Assert.Equal(25.0, all.PctReliablyImproved);
        // Q2: E3 (cbt) and E4 (mindfulness): both improved.
        Assert.Equal(100.0, T("low_desire", "all", "2025-Q2").PctReliablyImproved);
        Assert.Equal(2, T("all", "all", "2025-Q2").NPaired);
        // Quarters add up to the aggregates row.
        Assert.Equal(f.Aggregates.Single(x => x.Instrument == "SAT" && x.PresentingConcern == "all" && x.Approach == "all" && x.Population == "all").NPaired,
            f.Trends.Where(x => x.Instrument == "SAT" && x.PresentingConcern == "all" && x.Approach == "all").Sum(x => x.NPaired));
        // Sorted by keys, quarter last.
        var keys = f.Trends.Select(x => (x.Instrument, x.PresentingConcern, x.Approach, x.IntakeQuarter)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Instrument, StringComparer.Ordinal).ThenBy(k => k.PresentingConcern, StringComparer.Ordinal)
            .ThenBy(k => k.Approach, StringComparer.Ordinal).ThenBy(k => k.IntakeQuarter, StringComparer.Ordinal).ToList(), keys);
    }

    /// <summary>
    /// The quarters of one group add up to its aggregates row, which is published in another file: a
    /// single small quarter under a published aggregates total would be recoverable, so it gains a partner.
    /// cbt: Q1 30 episodes, Q2 4 (primary) → Q1 also suppressed, though 30 ≥ 11. Approach lines within a
    /// quarter hold as well (Q2: cbt 4 (s), mindfulness 20 → mindfulness Q2 goes too, and so on until all hold).
    /// </summary>
    [Fact]
    public void A_lone_small_quarter_is_not_recoverable_from_the_aggregates_total()
    {
        var builder = new AggregateBuilder(Catalog.Default);
        builder.Add(new OutcomeCell("SAT", "low_desire", "cbt", false, "2025-02", 30, 41, 30));
        builder.Add(new OutcomeCell("SAT", "low_desire", "cbt", false, "2025-05", 30, 41, 4));
        builder.Add(new OutcomeCell("SAT", "low_desire", "mindfulness", false, "2025-02", 30, 41, 25));
        builder.Add(new OutcomeCell("SAT", "low_desire", "mindfulness", false, "2025-05", 30, 41, 20));
        var f = AggregateFigures.Publish(builder, new TrajectoryBuilder(Catalog.Default), 11);

        Assert.DoesNotContain(f.Aggregates, a => a.Suppressed); // 34, 45, 79: nothing small in aggregates
        var trends = f.Trends.ToDictionary(t => (t.PresentingConcern, t.Approach, t.IntakeQuarter));
        Assert.True(trends[("low_desire", "cbt", "2025-Q2")].Suppressed);
        Assert.True(trends[("low_desire", "cbt", "2025-Q1")].Suppressed);
        // Every line — approaches within a quarter, concerns within a quarter, quarters within a group — holds.
        foreach (var line in f.Trends.GroupBy(t => (t.PresentingConcern, t.IntakeQuarter)).Concat(f.Trends.GroupBy(t => (t.Approach, t.IntakeQuarter)))
                     .Concat(f.Trends.GroupBy(t => (t.PresentingConcern + "/" + t.Approach, ""))))
            Assert.NotEqual(1, line.Count(t => t.Suppressed));
        Assert.All(f.Trends.Where(t => t.Suppressed), t => Assert.True(t.NPaired is null && t.EffectSizeG is null && t.PctReliablyImproved is null));
    }
}
