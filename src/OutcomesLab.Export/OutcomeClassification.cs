using OutcomesLab.Domain;

namespace OutcomesLab.Export;

/// <summary>
/// The per-episode change figures of shared/spec/metrics.md ("Per episode and instrument"):
/// Jacobson &amp; Truax (1991) reliable change, RC = dir × (final − baseline) / S_diff with
/// S_diff = SD_ref × sqrt(2 × (1 − r)); reliably improved when RC ≥ 1.96, deteriorated when RC ≤ −1.96;
/// clinical baseline = baseline in the clinical range; recovered = clinical baseline and final not in it;
/// reliably recovered = recovered and reliably improved. Null where a figure does not apply
/// (unpaired episode; instrument without a cut-off).
/// </summary>
public sealed record OutcomeClassification(string? ReliableChange, bool? ClinicalBaseline, bool? Recovered, bool? ReliablyRecovered)
{
    public const string ReliablyImproved = "reliably_improved";
    public const string NoReliableChange = "no_reliable_change";
    public const string ReliablyDeteriorated = "reliably_deteriorated";
    public static readonly IReadOnlyList<string> Categories = [ReliablyImproved, NoReliableChange, ReliablyDeteriorated];

    /// <summary>The critical value of a two-sided 5% test (Jacobson &amp; Truax 1991).</summary>
    public const double Critical = 1.96;

    public static OutcomeClassification Of(Instrument instrument, double baseline, double? final)
    {
        bool? clinicalBaseline = instrument.ClinicalCutoff is null ? null : instrument.InClinicalRange(baseline);
        if (final is not { } f) return new OutcomeClassification(null, clinicalBaseline, null, null);

        var rc = instrument.Direction * (f - baseline) / instrument.SDiff;
        var category = rc >= Critical ? ReliablyImproved : rc <= -Critical ? ReliablyDeteriorated : NoReliableChange;
        if (clinicalBaseline is null) return new OutcomeClassification(category, null, null, null);
        var recovered = clinicalBaseline.Value && !instrument.InClinicalRange(f);
        return new OutcomeClassification(category, clinicalBaseline, recovered, recovered && category == ReliablyImproved);
    }
}
