using OutcomesLab.Domain;

namespace OutcomesLab.Synthetic;

/// <summary>
/// Pre–post improvement (in SD units) per concern × approach × instrument, drawn once per seed from
/// published ranges: psychological treatments of sexual dysfunction reach d ≈ 0.5–0.6 on symptom
/// severity and ≈ 0.5 on sexual satisfaction (Frühauf, Gerger, Schmidt, Munder &amp; Barth 2013,
/// Arch Sex Behav 42:915–933), on top of natural improvement (≈ 0.1–0.2 SD in waiting-list arms).
/// </summary>
public sealed class EffectSizes
{
    public const double NaturalImprovement = 0.15;
    private readonly Dictionary<(string, string, string), double> table = new();

    public EffectSizes(Catalog catalog, Random random)
    {
        foreach (var concern in catalog.PresentingConcerns)
        foreach (var approach in catalog.Approaches)
        foreach (var instrument in catalog.Instruments.Keys.Order(StringComparer.Ordinal))
        {
            var (low, high) = instrument switch
            {
                "DIST" => (0.35, 0.8),   // symptom / distress: d 0.5–0.6 on average
                "SAT" => (0.3, 0.7),     // satisfaction: d ≈ 0.5
                "COMM" => (0.2, 0.6),
                "TRUST" => (0.0, 0.35),  // alliance grows a little
                _ => (0.2, 0.6),
            };
            // Approaches suited to a concern do somewhat better (e.g. trauma-informed care for sexual trauma).
            var bonus = Suited(concern, approach) ? 0.15 : 0.0;
            table[(concern, approach, instrument)] = low + random.NextDouble() * (high - low) + bonus;
        }
    }

    public double D(string concern, string approach, string instrument) =>
        table.TryGetValue((concern, approach, instrument), out var d) ? d : 0.4;

    public static bool Suited(string concern, string approach) => (concern, approach) switch
    {
        ("sexual_trauma", "trauma_informed") => true,
        ("erectile_dysfunction", "combined_medical") => true,
        ("genito_pelvic_pain", "combined_medical") => true,
        ("mismatched_desire", "couples_therapy") => true,
        ("relationship_intimacy", "couples_therapy") => true,
        ("premature_ejaculation", "sensate_focus") => true,
        ("low_desire", "mindfulness") => true,
        ("arousal_difficulty", "mindfulness") => true,
        ("orgasm_difficulty", "sensate_focus") => true,
        ("menopause_transition", "combined_medical") => true,
        ("identity_exploration", "psychoeducation") => true,
        ("compulsive_sexual_behaviour", "cbt") => true,
        _ => false,
    };
}
