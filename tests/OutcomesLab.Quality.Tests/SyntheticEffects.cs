using OutcomesLab.Domain;
using OutcomesLab.Quality;

namespace OutcomesLab.Quality.Tests;

/// <summary>
/// A synthetic practice with a planted therapist effect and a case mix that hides it:
/// change depends strongly on baseline severity (the more severe, the more room to improve),
/// therapist "TLOW" improves clients by 4 SAT points (≈ 0.8 S_diff) less than expected but sees
/// mostly severe clients, "THIGH" improves them 4 points more but sees mostly mild ones. On raw
/// change TLOW looks better than THIGH; only a case-mix adjusted comparison can rank them right.
/// Every client answers SAT (higher is better) and DIST (lower is better) at sessions 0, 4 and 8.
/// </summary>
internal static class SyntheticEffects
{
    public const string Low = "TLOW", High = "THIGH";
    public static readonly string[] Neutral = ["T01", "T02", "T03", "T04", "T05", "T06"];
    private static readonly string[] Concerns = ["low_desire", "erectile_dysfunction", "genito_pelvic_pain", "relationship_intimacy"];
    private static readonly string[] Approaches = ["cbt", "sensate_focus", "mindfulness"];
    private static readonly string[] AgeBands = ["25-34", "35-44", "45-54"];

    public static QiInput Build(int episodesPerTherapist = 90, int seed = 7, int ongoingPerTherapist = 0)
    {
        var rng = new Random(seed);
        var b = new PracticeBuilder();
        foreach (var therapist in Neutral.Append(Low).Append(High))
        {
            var effect = therapist == Low ? -4.0 : therapist == High ? 4.0 : 0.0;
            for (var k = 0; k < episodesPerTherapist + ongoingPerTherapist; k++)
            {
                // Severity in [0, 1]: TLOW's caseload is mostly severe, THIGH's mostly mild.
                var severity = therapist switch
                {
                    Low => 0.6 + 0.4 * rng.NextDouble(),
                    High => 0.4 * rng.NextDouble(),
                    _ => rng.NextDouble(),
                };
                var concern = Concerns[rng.Next(Concerns.Length)];
                var concernEffect = concern == "genito_pelvic_pain" ? -1.5 : concern == "low_desire" ? 1.0 : 0.0;
                var ongoing = k >= episodesPerTherapist;
                var e = b.Episode(therapist, site: "S" + (1 + rng.Next(3)), concern: concern, approach: Approaches[rng.Next(Approaches.Length)],
                    endReason: ongoing ? "ongoing" : "completed", ageBand: AgeBands[rng.Next(AgeBands.Length)],
                    gender: rng.NextDouble() < 0.5 ? "woman" : "man");

                var satBase = 50 - 32 * severity + Noise(rng, 2);
                var satGain = 0.5 * (50 - satBase) + concernEffect + effect;
                var distBase = 8 + 32 * severity + Noise(rng, 2);
                var distDrop = 0.45 * (distBase - 5) + 0.9 * (concernEffect + effect);
                b.Series(e, "SAT", (0, satBase), (4, satBase + 0.5 * satGain + Noise(rng, 3)), (8, satBase + satGain + Noise(rng, 4)));
                b.Series(e, "DIST", (0, distBase), (4, distBase - 0.5 * distDrop + Noise(rng, 3)), (8, distBase - distDrop + Noise(rng, 4)));
            }
        }
        return b.Build(Catalog.Default);
    }

    public static double Noise(Random rng, double sd)
    {
        // Box–Muller: normal noise from two uniforms.
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
