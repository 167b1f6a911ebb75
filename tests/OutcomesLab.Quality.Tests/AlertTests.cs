using OutcomesLab.Domain;
using OutcomesLab.Quality.Tracking;
using Xunit.Abstractions;

namespace OutcomesLab.Quality.Tests;

public class AlertTests(ITestOutputHelper output)
{
    private static readonly QiOptions Options = new() { MinCell = 11, Seed = 1 };

    /// <summary>
    /// 300 completed episodes whose SAT rises ≈ 1.5 points a session and whose DIST falls ≈ 1.2 a
    /// session from a baseline of 30 (noise SD 2), to teach the expected trajectories; then the
    /// active episodes under test.
    /// </summary>
    private static PracticeBuilder Trained()
    {
        var rng = new Random(11);
        var b = new PracticeBuilder();
        for (var i = 0; i < 300; i++)
        {
            var e = b.Episode("T" + (i % 5), approach: i % 2 == 0 ? "cbt" : "mindfulness");
            var sat = 30 + SyntheticEffects.Noise(rng, 3);
            var dist = 30 + SyntheticEffects.Noise(rng, 3);
            foreach (var s in new[] { 0, 4, 8, 12 })
            {
                b.Score(e, "SAT", s, sat + 1.5 * s + (s == 0 ? 0 : SyntheticEffects.Noise(rng, 2)));
                b.Score(e, "DIST", s, dist - 1.2 * s + (s == 0 ? 0 : SyntheticEffects.Noise(rng, 2)));
            }
        }
        return b;
    }

    private (IReadOnlyList<Alert> Alerts, QiResult Result) Run(PracticeBuilder b)
    {
        var result = QualityAnalysis.Run(b.Build(), Options);
        foreach (var t in result.Trajectories)
            output.WriteLine($"{t.Instrument}: CV R²={t.Quality?.RSquared:F3} MAE={t.Quality?.MeanAbsoluteError:F3}; q10 overall={t.OverallQuantile:F2}; " +
                             $"bands {string.Join(", ", t.Bands.Select(x => $"{x.Band}:{x.Quantile:F2}{(x.OwnQuantile ? "" : "*")}"))}; held-out share below={t.HeldOutShareBelow:P1}");
        return (result.Alerts, result);
    }

    [Fact]
    public void An_active_episode_worse_than_its_bound_is_not_on_track_in_either_direction()
    {
        var b = Trained();
        var satBehind = b.Episode("TA", endReason: "ongoing", episodeRef: "sat-behind");
        b.Series(satBehind, "SAT", (0, 30), (8, 29));              // expected ≈ 42
        var satOnTrack = b.Episode("TA", endReason: "ongoing", episodeRef: "sat-on-track");
        b.Series(satOnTrack, "SAT", (0, 30), (8, 42));
        var satAhead = b.Episode("TA", endReason: "ongoing", episodeRef: "sat-ahead");
        b.Series(satAhead, "SAT", (0, 30), (8, 55));
        var distBehind = b.Episode("TA", endReason: "ongoing", episodeRef: "dist-behind");
        b.Series(distBehind, "DIST", (0, 30), (8, 31));            // lower is better: expected ≈ 20.4, 31 is worse
        var distAhead = b.Episode("TA", endReason: "ongoing", episodeRef: "dist-ahead");
        b.Series(distAhead, "DIST", (0, 30), (8, 8));              // far better than expected: no alert
        var finishedBehind = b.Episode("TA", endReason: "dropout", episodeRef: "finished-behind");
        b.Series(finishedBehind, "SAT", (0, 30), (8, 29));         // not active: no alert
        var baselineOnly = b.Episode("TA", endReason: "ongoing", episodeRef: "baseline-only");
        b.Series(baselineOnly, "SAT", (0, 12));                    // nothing after baseline yet: nothing to judge

        var (alerts, _) = Run(b);
        var notOnTrack = alerts.Where(a => a.Reason == AlertReason.NotOnTrack).ToList();
        Assert.Equal(["dist-behind", "sat-behind"], notOnTrack.Select(a => a.EpisodeRef).Order());

        var sat = notOnTrack.Single(a => a.EpisodeRef == "sat-behind");
        Assert.Equal(("SAT", 8, 29.0), (sat.Instrument, sat.SessionNumber, sat.LatestScore));
        Assert.InRange(sat.ExpectedScore!.Value, 39, 45);
        Assert.True(sat.LowerBound < sat.ExpectedScore && sat.LatestScore < sat.LowerBound, $"{sat}");

        var dist = notOnTrack.Single(a => a.EpisodeRef == "dist-behind");
        Assert.InRange(dist.ExpectedScore!.Value, 17, 24);
        // For lower-is-better DIST the bound lies above the expected score, and worse means above it.
        Assert.True(dist.LowerBound > dist.ExpectedScore && dist.LatestScore > dist.LowerBound, $"{dist}");
    }

    [Fact]
    public void The_bound_flags_about_the_chosen_share_of_held_out_completed_episodes()
    {
        var (_, result) = Run(Trained());
        foreach (var t in result.Trajectories)
        {
            Assert.NotNull(t.Model);
            // Bounds set on one half of the episodes, applied to the other: near 10% when calibrated; printed, checked loosely.
            Assert.InRange(t.HeldOutShareBelow, 0.05, 0.15);
        }
    }

    [Theory]
    [InlineData(new[] { 4.0, 3.4 }, new[] { AlertReason.AllianceLow, AlertReason.AllianceDrop })]  // below 3.5 and fell 0.6
    [InlineData(new[] { 3.6, 3.5 }, new string[0])]                                                 // 3.5 is not below 3.5
    [InlineData(new[] { 55 / 12.0, 49 / 12.0 }, new[] { AlertReason.AllianceDrop })]               // a drop of exactly 0.5 (item means)
    [InlineData(new[] { 4.5, 4.1 }, new string[0])]                                                 // a drop of 0.4
    [InlineData(new[] { 3.0, 4.0, 3.2 }, new[] { AlertReason.AllianceLow, AlertReason.AllianceDrop })] // latest vs previous, not vs first
    [InlineData(new[] { 3.2 }, new[] { AlertReason.AllianceLow })]                                  // one administration: no drop possible
    [InlineData(new[] { 4.9, 3.9, 4.4 }, new string[0])]                                            // recovered since the drop
    public void Alliance_rules(double[] trust, string[] expected)
    {
        var b = new PracticeBuilder();
        var e = b.Episode("TA", endReason: "ongoing", episodeRef: "active");
        for (var i = 0; i < trust.Length; i++) b.Score(e, "TRUST", i + 1, trust[i]);
        var ended = b.Episode("TA", endReason: "completed", episodeRef: "ended");
        b.Series(ended, "TRUST", (1, 4.5), (2, 3.0));               // would alert twice, but is not active

        var (alerts, _) = Run(b);
        Assert.Equal(expected.Order(), alerts.Select(a => a.Reason).Order());
        foreach (var a in alerts)
        {
            Assert.Equal(("active", "TRUST", trust.Length, trust[^1]), (a.EpisodeRef, a.Instrument, a.SessionNumber, a.LatestScore));
            if (a.Reason == AlertReason.AllianceLow) Assert.Equal((null, 3.5), (a.ExpectedScore, a.LowerBound));
            else Assert.Equal((trust[^2], trust[^2] - 0.5), (a.ExpectedScore!.Value, a.LowerBound!.Value));
        }
    }

    [Fact]
    public void Alliance_threshold_comes_from_the_catalog()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog-trust-4.json"));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var catalog = Catalog.Parse(stream);
        var b = new PracticeBuilder();
        b.Series(b.Episode("TA", endReason: "ongoing"), "TRUST", (1, 3.8));
        var alerts = QualityAnalysis.Run(b.Build(catalog), Options).Alerts;
        var alert = Assert.Single(alerts);
        Assert.Equal((AlertReason.AllianceLow, 4.0), (alert.Reason, alert.LowerBound!.Value));
    }
}
