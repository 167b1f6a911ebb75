using OutcomesLab.Domain;

namespace OutcomesLab.Export.Tests;

/// <summary>
/// In-memory episodes with a realistic spread of quasi-identifiers (seeded), so disclosure-control
/// tests do not depend on the ingest or the store.
/// </summary>
internal static class SyntheticRecords
{
    private static readonly (string Value, double Weight)[] Ages =
        [("16-24", 10), ("25-34", 28), ("35-44", 25), ("45-54", 17), ("55-64", 11), ("65-74", 6), ("75-89", 2.5), ("90+", 0.5)];
    private static readonly (string Value, double Weight)[] Genders =
        [("woman", 50), ("man", 40), ("nonbinary", 5), ("another", 2), ("undisclosed", 3)];
    private static readonly (string Value, double Weight)[] Orientations =
        [("heterosexual", 70), ("gay", 7), ("lesbian", 5), ("bisexual", 8), ("pansexual", 2), ("queer", 2), ("asexual", 1), ("another", 1), ("undisclosed", 4)];

    public static List<EpisodeInfo> Episodes(int count, int seed, int sites = 4, int therapists = 24)
    {
        var random = new Random(seed);
        var concerns = Catalog.Default.PresentingConcerns;
        var approaches = Catalog.Default.Approaches;
        var list = new List<EpisodeInfo>(count);
        for (var i = 0; i < count; i++)
        {
            var month = $"{2024 + random.Next(2)}-{random.Next(1, 13):D2}";
            var therapist = random.Next(therapists);
            list.Add(new EpisodeInfo(
                EpisodeRef: $"stored-ep-{seed}-{i:D5}", CoupleRef: null, SiteId: $"site{therapist % sites}",
                TherapistId: $"T{therapist:D3}", PresentingConcern: concerns[random.Next(concerns.Count)],
                Approach: approaches[random.Next(approaches.Count)], Format: random.NextDouble() < 0.8 ? "individual" : "couple",
                AgeBand: Pick(random, Ages), GenderIdentity: Pick(random, Genders), SexualOrientation: Pick(random, Orientations),
                IntakeMonth: month, EndDayOffset: null,
                EndReason: Codes.EndReasons[random.Next(Codes.EndReasons.Count)]));
        }
        return list;
    }

    /// <summary>Each episode gets SAT and DIST (and sometimes TRUST, COMM), 85% of them paired, scores inside the instrument's range.</summary>
    public static List<EpisodeOutcome> Outcomes(IReadOnlyList<EpisodeInfo> episodes, int seed)
    {
        var random = new Random(seed);
        var list = new List<EpisodeOutcome>();
        foreach (var e in episodes)
        {
            foreach (var code in new[] { "SAT", "DIST", "TRUST", "COMM" })
            {
                if (code is "TRUST" or "COMM" && random.NextDouble() < 0.5) continue;
                list.Add(Outcome(e, Catalog.Default.Instruments[code], random, paired: random.NextDouble() < 0.85));
            }
        }
        return list;
    }

    public static EpisodeOutcome Outcome(EpisodeInfo e, Instrument instrument, Random random, bool paired)
    {
        var (min, max) = instrument.Scoring == ScoreMethod.Sum
            ? (instrument.ItemMin * instrument.Items.Count, instrument.ItemMax * instrument.Items.Count)
            : (instrument.ItemMin, instrument.ItemMax);
        double Score() => min + random.NextDouble() * (max - min);
        var baseline = new ScoredAdministration(e.EpisodeRef, $"{e.EpisodeRef}-{instrument.Code}-0", instrument.Code, 0, 0, Score());
        var lastSession = random.Next(1, 16);
        var final = paired ? new ScoredAdministration(e.EpisodeRef, $"{e.EpisodeRef}-{instrument.Code}-{lastSession}", instrument.Code,
            lastSession, lastSession * 7, Score()) : null;
        return new EpisodeOutcome(e, instrument.Code, paired ? 2 : 1, baseline, final);
    }

    /// <summary>
    /// Outcomes and item answers that agree with each other: each administration's items are drawn
    /// around a latent score that improves with the sessions, scored by the catalog's own rule, and
    /// baseline/final chosen as docs/contracts/metrics.md says (lowest / highest session among
    /// valid administrations).
    /// </summary>
    public static (List<EpisodeOutcome> Outcomes, List<ExportAnswer> Answers) OutcomesWithAnswers(IReadOnlyList<EpisodeInfo> episodes, int seed)
    {
        var random = new Random(seed);
        var outcomes = new List<EpisodeOutcome>();
        var answers = new List<ExportAnswer>();
        foreach (var e in episodes)
        {
            var lastSession = random.Next(2, 17);
            var gain = (e.Approach.Length % 5) * 0.05 + random.NextDouble() * 0.3;
            foreach (var code in new[] { "SAT", "DIST", "TRUST", "COMM" })
            {
                if (code is "TRUST" or "COMM" && random.NextDouble() < 0.5) continue;
                var instrument = Catalog.Default.Instruments[code];
                var start = 0.25 + random.NextDouble() * 0.4;   // position in the item range, 0 = worst
                var scored = new List<ScoredAdministration>();
                for (var session = 0; session <= lastSession; session += random.Next(1, 4))
                {
                    var adminRef = $"{e.EpisodeRef}-{code}-{session}";
                    var position = Math.Clamp(start + gain * session / lastSession + (random.NextDouble() - 0.5) * 0.2, 0, 1);
                    var values = new Dictionary<string, int>();
                    var invalid = random.NextDouble() < 0.04;
                    foreach (var item in instrument.Items)
                    {
                        int? value = null;
                        if (!(invalid ? random.NextDouble() < 0.5 : random.NextDouble() < 0.03))
                        {
                            var good = position * (instrument.ItemMax - instrument.ItemMin) + (random.NextDouble() - 0.5) * 1.5;
                            var raw = (int)Math.Round(Math.Clamp(good, 0, instrument.ItemMax - instrument.ItemMin));
                            // Higher position is better: store the raw answer so reverse items and lower-is-better come out right.
                            var forward = instrument.HigherIsBetter ? instrument.ItemMin + raw : instrument.ItemMax - raw;
                            value = instrument.ReverseItems.Contains(item) ? instrument.ItemMin + instrument.ItemMax - forward : forward;
                            values[item] = value.Value;
                        }
                        answers.Add(new ExportAnswer(e.EpisodeRef, adminRef, code, session, session * 7, false, item, value));
                    }
                    var score = instrument.Score(values);
                    if (score is { } sc) scored.Add(new ScoredAdministration(e.EpisodeRef, adminRef, code, session, session * 7, sc));
                    // Mark the administration's answers valid or not, as the store does.
                    for (var k = answers.Count - instrument.Items.Count; k < answers.Count; k++) answers[k] = answers[k] with { IsValid = score is not null };
                }
                if (scored.Count == 0) continue;
                var baseline = scored[0];
                var final = scored.Count > 1 ? scored[^1] : null;
                outcomes.Add(new EpisodeOutcome(e, code, scored.Count, baseline, final));
            }
        }
        return (outcomes, answers);
    }

    private static string Pick(Random random, (string Value, double Weight)[] options)
    {
        var x = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return options[^1].Value;
    }
}
