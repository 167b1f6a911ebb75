using OutcomesLab.Domain;
using Xunit;

namespace OutcomesLab.Export.Tests;

/// <summary>
/// Known values from the default catalog (docs/contracts/catalog.md): SAT S_diff = 9 × sqrt(2 × 0.16) =
/// 5.0912, so reliable change needs |final − baseline| ≥ 1.96 × 5.0912 = 9.979; SAT's clinical range is
/// below 36.
/// DIST is lower-is-better (S_diff = 10 × sqrt(0.28) = 5.2915, threshold 10.371; clinical above 10.5).
/// </summary>
public sealed class OutcomeClassificationTests
{
    private static readonly Instrument Sat = Catalog.Default.Instruments["SAT"];
    private static readonly Instrument Dist = Catalog.Default.Instruments["DIST"];
    private static readonly Instrument Trust = Catalog.Default.Instruments["TRUST"];

    [Fact]
    public void SAT_rising_ten_points_from_clinical_is_reliable_recovery() =>
        Assert.Equal(new OutcomeClassification("reliably_improved", true, true, true), OutcomeClassification.Of(Sat, 30, 40));

    [Fact]
    public void SAT_rising_nine_points_is_recovery_without_reliable_change() =>
        Assert.Equal(new OutcomeClassification("no_reliable_change", true, true, false), OutcomeClassification.Of(Sat, 30, 39));

    [Fact]
    public void DIST_falling_is_improvement_and_rising_is_deterioration()
    {
        Assert.Equal("reliably_improved", OutcomeClassification.Of(Dist, 25, 14).ReliableChange);
        Assert.Equal(new OutcomeClassification("reliably_deteriorated", false, false, false), OutcomeClassification.Of(Dist, 8, 19));
    }

    [Fact]
    public void An_unpaired_episode_has_only_its_clinical_baseline() =>
        Assert.Equal(new OutcomeClassification(null, true, null, null), OutcomeClassification.Of(Sat, 30, null));

    [Fact]
    public void An_instrument_without_a_cutoff_has_no_recovery_flags() =>
        Assert.Equal(new OutcomeClassification("reliably_improved", null, null, null), OutcomeClassification.Of(Trust, 2.0, 4.5));
}
