using OutcomesLab.Analytics.Tests.Support;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>Group figures of a lower-is-better instrument (DIST) and of one without a cut-off (TRUST).</summary>
public sealed class DirectionAndCutoffTests
{
    /// <summary>
    /// DIST: lower is better, S_diff = 10 × sqrt(0.28) = 5.2915 (reliable |Δ| ≥ 10.37), clinical above 10.5.
    ///   D1 30 → 15: Δ −15, RC = +2.835 improved; clinical baseline; 15 still clinical → not recovered.
    ///   D2 20 → 8:  Δ −12, RC = +2.268 improved; clinical baseline; 8 not clinical → recovered, reliably.
    ///   D3 9 → 22:  Δ +13, RC = −2.457 deteriorated; baseline 9 not clinical.
    /// Baselines 30, 20, 9: mean 59/3, deviations 31/3, 1/3, −32/3 → Σ² = 1986/9, s² = 331/3.
    /// Finals 15, 8, 22: mean 15. change_mean is raw: (−15 − 12 + 13)/3 = −14/3 (not direction-adjusted).
    /// g = J × dir × (15 − 59/3) / sqrt(331/3) = 4/7 × (−1) × (−14/3) / 10.5040 = +0.25392: positive = improvement.
    /// </summary>
    [Fact]
    public void Lower_is_better_instrument_counts_falls_as_improvement()
    {
        var d = new SeedData().Episode("D1", "low_desire", "cbt").Episode("D2", "low_desire", "cbt").Episode("D3", "low_desire", "cbt");
        d.Valid("D1", "DIST", 0, 0, 30).Valid("D1", "DIST", 10, 70, 15);
        d.Valid("D2", "DIST", 0, 0, 20).Valid("D2", "DIST", 10, 70, 8);
        d.Valid("D3", "DIST", 0, 0, 9).Valid("D3", "DIST", 10, 70, 22);
        var row = d.Compute(minCell: 1).Aggregates.Single(r => r.Instrument == "DIST" && r.PresentingConcern == "low_desire" && r.Approach == "cbt" && r.Population == "all");

        Assert.Equal(59.0 / 3, row.BaselineMean!.Value, 13);
        Assert.Equal(Math.Sqrt(331.0 / 3), row.BaselineSd!.Value, 13);
        Assert.Equal(15.0, row.FinalMean);
        Assert.Equal(-14.0 / 3, row.ChangeMean!.Value, 13);
        Assert.Equal(4.0 / 7 * (14.0 / 3) / Math.Sqrt(331.0 / 3), row.EffectSizeG!.Value, 13);
        Assert.True(row.EffectSizeG > 0);
        Assert.Equal(2, row.NReliablyImproved);
        Assert.Equal(1, row.NReliablyDeteriorated);
        Assert.Equal(2, row.NClinicalBaseline);
        Assert.Equal(1, row.NRecovered);
        Assert.Equal(50.0, row.PctRecovered);
        Assert.Equal(1, row.NReliablyRecovered);
    }

    /// <summary>
    /// TRUST has no clinical cut-off (docs/contracts/catalog.md: alliance alert only):
    /// n_clinical_baseline, n_recovered, pct_recovered, n_reliably_recovered and
    /// pct_reliably_recovered are empty, the rest is computed.
    /// S_diff = 0.6 × sqrt(0.4) = 0.37947: 3.0 → 4.2 (RC 3.162) improved, 2.5 → 2.6 (RC 0.264) not.
    /// </summary>
    [Fact]
    public void Instrument_without_a_cutoff_has_empty_recovery_figures()
    {
        var d = new SeedData().Episode("A1", "low_desire", "cbt").Episode("A2", "low_desire", "cbt");
        d.Valid("A1", "TRUST", 1, 7, 3.0).Valid("A1", "TRUST", 6, 42, 4.2);
        d.Valid("A2", "TRUST", 1, 7, 2.5).Valid("A2", "TRUST", 6, 42, 2.6);
        var row = d.Compute(minCell: 1).Aggregates.Single(r => r.Instrument == "TRUST" && r.PresentingConcern == "low_desire" && r.Approach == "cbt" && r.Population == "all");

        Assert.Equal(2, row.NPaired);
        Assert.Equal(1, row.NReliablyImproved);
        Assert.Equal(50.0, row.PctReliablyImproved);
        Assert.Null(row.NClinicalBaseline);
        Assert.Null(row.NRecovered);
        Assert.Null(row.PctRecovered);
        Assert.Null(row.NReliablyRecovered);
        Assert.Null(row.PctReliablyRecovered);
        Assert.Equal((2.75, 3.4), (row.BaselineMean!.Value, Math.Round(row.FinalMean!.Value, 12)));
    }
}
