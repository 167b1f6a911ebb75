using OutcomesLab.Domain;

namespace OutcomesLab.Reporting.Tests;

/// <summary>
/// The default catalog (docs/contracts/catalog.md), built in memory so the chart tests do not
/// depend on loading the embedded JSON.
/// </summary>
internal static class TestCatalog
{
    public static readonly string[] Concerns =
    [
        "low_desire", "arousal_difficulty", "erectile_dysfunction", "premature_ejaculation", "delayed_ejaculation",
        "orgasm_difficulty", "genito_pelvic_pain", "mismatched_desire", "sexual_trauma", "identity_exploration",
        "menopause_transition", "compulsive_sexual_behaviour", "relationship_intimacy",
    ];

    public static readonly string[] Approaches =
        ["cbt", "sensate_focus", "mindfulness", "plissit", "couples_therapy", "trauma_informed", "combined_medical", "psychoeducation"];

    public static Catalog Default { get; } = new(
    [
        Make("SAT", "sexual satisfaction", 12, 1, 5, [], ScoreMethod.Sum, true, 0.84, 9.0, 36, null),
        Make("COMM", "sexual & relational communication", 13, 1, 6, ["COMM02", "COMM05", "COMM08", "COMM11"], ScoreMethod.Sum, true, 0.85, 11.0, 52, null),
        Make("TRUST", "trust / therapeutic alliance", 12, 1, 5, [], ScoreMethod.Mean, true, 0.80, 0.60, null, 3.5),
        Make("DIST", "sexual distress", 13, 0, 4, [], ScoreMethod.Sum, false, 0.86, 10.0, 10.5, null),
    ], Concerns, Approaches);

    public static Instrument Instrument(string code) => Default.Instruments[code];

    private static Instrument Make(string code, string construct, int items, int min, int max, string[] reverse, ScoreMethod scoring,
        bool higherIsBetter, double reliability, double referenceSd, double? cutoff, double? allianceAlert) =>
        new(code, construct, Enumerable.Range(1, items).Select(i => $"{code}{i:00}").ToList(), min, max,
            new HashSet<string>(reverse, StringComparer.Ordinal), scoring, higherIsBetter, reliability, referenceSd, cutoff, allianceAlert);
}
