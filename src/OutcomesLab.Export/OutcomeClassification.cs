using OutcomesLab.Analytics;
using OutcomesLab.Domain;

namespace OutcomesLab.Export;

/// <summary>
/// The per-episode change figures of docs/contracts/metrics.md ("Per episode and instrument"):
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

    /// <summary>The flags of one episode × instrument, with the same formulas the aggregates use (<see cref="OutcomeMath"/>).</summary>
    public static OutcomeClassification Of(Instrument instrument, double baseline, double? final)
    {
        bool? clinicalBaseline = instrument.ClinicalCutoff is null ? null : instrument.InClinicalRange(baseline);
        if (final is not { } f) return new OutcomeClassification(null, clinicalBaseline, null, null);

        var category = OutcomeMath.IsReliablyImproved(instrument, baseline, f) ? ReliablyImproved
            : OutcomeMath.IsReliablyDeteriorated(instrument, baseline, f) ? ReliablyDeteriorated
            : NoReliableChange;
        if (clinicalBaseline is null) return new OutcomeClassification(category, null, null, null);
        return new OutcomeClassification(category, clinicalBaseline, OutcomeMath.IsRecovered(instrument, baseline, f),
            OutcomeMath.IsReliablyRecovered(instrument, baseline, f));
    }
}
