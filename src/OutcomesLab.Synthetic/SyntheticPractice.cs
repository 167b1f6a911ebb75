using System.Globalization;
using System.Text;
using OutcomesLab.Domain;

namespace OutcomesLab.Synthetic;

/// <summary>
/// Realistic synthetic practice data in exchange format v1: quarterly export batches with episodes
/// re-sent when they end (updates), corrected answers in a later batch, episodes that arrive a batch
/// after their first answers (pending), dropouts, referrals, ongoing episodes, couples, skipped items
/// and a few invalid administrations. Deterministic for a seed. Streams: memory does not grow with
/// the number of episodes.
/// </summary>
public static class SyntheticPractice
{
    // Population means/SDs at intake of a clinical sample (the catalog's cut-offs sit above them).
    private static readonly Dictionary<string, (double Mean, double Sd)> IntakeScore = new()
    {
        ["SAT"] = (31, 8), ["COMM"] = (40, 11), ["DIST"] = (24, 9), ["TRUST"] = (3.4, 0.5),
    };

    private static readonly (string Code, double Weight)[] ConcernWeights =
    [
        ("low_desire", 14), ("arousal_difficulty", 5), ("erectile_dysfunction", 11), ("premature_ejaculation", 8),
        ("delayed_ejaculation", 3), ("orgasm_difficulty", 7), ("genito_pelvic_pain", 7), ("mismatched_desire", 10),
        ("sexual_trauma", 7), ("identity_exploration", 5), ("menopause_transition", 6), ("compulsive_sexual_behaviour", 6),
        ("relationship_intimacy", 10),
    ];

    private static readonly (string Code, double Weight)[] OrientationWeights =
    [
        ("heterosexual", 68), ("gay", 6), ("lesbian", 5), ("bisexual", 10), ("pansexual", 3), ("queer", 3),
        ("asexual", 2), ("another", 1), ("undisclosed", 2),
    ];

    public static SynthResult Write(string outFolder, SynthOptions options, Catalog? catalog = null)
    {
        catalog ??= Catalog.Default;
        var random = new Random(options.Seed);
        var effects = new EffectSizes(catalog, new Random(options.Seed ^ 0x5eed));
        using var drop = new DropWriter(outFolder, options);
        var state = new Counters();
        var concerns = ConcernWeights.Where(c => catalog.IsConcern(c.Code)).ToArray();
        while (state.Episodes < options.Episodes)
        {
            var couple = options.Episodes - state.Episodes >= 2 && random.NextDouble() < 0.22;
            if (couple)
            {
                var coupleId = $"CP{state.Couples++:D6}";
                var concern = Pick(random, concerns.Where(c => c.Code is "mismatched_desire" or "relationship_intimacy" or "low_desire"
                    or "erectile_dysfunction" or "premature_ejaculation" or "genito_pelvic_pain").ToArray());
                var approach = random.NextDouble() < 0.6 ? "couples_therapy" : PickApproach(random, catalog, concern, true);
                var site = random.Next(options.Sites);
                var therapist = TherapistAt(random, site, options);
                var intake = RandomIntake(random, drop);
                var first = MakeEpisode(random, state, catalog, concern, approach, "couple", coupleId, site, therapist, intake);
                var second = MakeEpisode(random, state, catalog, concern, approach, "couple", coupleId, site, therapist, intake)
                    with { Planned = first.Planned, EndKind = first.EndKind, EndSession = first.EndSession };
                Emit(random, drop, catalog, effects, state, first);
                Emit(random, drop, catalog, effects, state, second);
            }
            else
            {
                var concern = Pick(random, concerns);
                var approach = PickApproach(random, catalog, concern, false);
                var site = random.Next(options.Sites);
                var episode = MakeEpisode(random, state, catalog, concern, approach, "individual", null, site,
                    TherapistAt(random, site, options), RandomIntake(random, drop));
                Emit(random, drop, catalog, effects, state, episode);
            }
        }
        return new SynthResult(Path.GetFullPath(outFolder), state.Episodes, drop.EpisodeRows, drop.ResponseRows, drop.BatchNames);
    }

    private sealed class Counters
    {
        public int Episodes;
        public int Couples;
        public int Clients;
        public long Administrations;
    }

    private sealed record Episode(
        string Id, string ClientId, string? CoupleId, string Site, string Therapist, string Concern, string Approach,
        string Format, int Age, string Gender, string Orientation, DateOnly Intake, int Planned, string EndKind,
        int EndSession, double Responsiveness);

    private static Episode MakeEpisode(Random r, Counters state, Catalog catalog, string concern, string approach, string format,
        string? coupleId, int site, int therapist, DateOnly intake)
    {
        var planned = 6 + r.Next(15);
        var u = r.NextDouble();
        var (endKind, endSession) = u < 0.22 ? ("dropout", 1 + r.Next(Math.Max(1, planned - 2)))
            : u < 0.27 ? ("referred", 2 + r.Next(Math.Max(1, planned - 3)))
            : ("completed", planned);
        var gender = GenderFor(r, concern);
        var age = (int)Math.Round(Normal(r, 38, 12));
        age = r.NextDouble() < 0.004 ? 90 + r.Next(8) : Math.Clamp(age, 16, 89);
        if (concern == "menopause_transition") age = Math.Clamp(age + 12, 40, 65);
        return new Episode($"EP{state.Episodes++:D6}", $"C{state.Clients++:D7}", coupleId, $"S{site + 1:D2}", $"T{therapist + 1:D3}",
            concern, approach, format, age, gender, Pick(r, OrientationWeights), intake, planned, endKind, endSession,
            Math.Max(0, Normal(r, 1, 0.5)));
    }

    /// <summary>Writes one episode's rows into the batches their dates fall in.</summary>
    private static void Emit(Random r, DropWriter drop, Catalog catalog, EffectSizes effects, Counters state, Episode e)
    {
        // Weekly sessions with a little jitter; session 0 is the intake assessment.
        var dates = new DateOnly[e.EndSession + 1];
        dates[0] = e.Intake;
        for (var s = 1; s <= e.EndSession; s++) dates[s] = dates[s - 1].AddDays(6 + r.Next(4));
        var endDate = dates[e.EndSession].AddDays(r.Next(3));
        var ended = drop.BatchOf(endDate) < drop.BatchCount;
        var firstBatch = drop.BatchOf(e.Intake);
        // Now and then an episode record reaches the export a batch after its first answers: pending.
        if (r.NextDouble() < 0.02 && firstBatch + 1 < drop.BatchCount) firstBatch++;
        var endBatch = ended ? drop.BatchOf(endDate) : int.MaxValue;
        if (endBatch <= firstBatch) drop.Episode(firstBatch, Row(e, endDate, e.EndKind));
        else
        {
            drop.Episode(firstBatch, Row(e, null, r.NextDouble() < 0.5 ? "ongoing" : ""));
            if (ended) drop.Episode(endBatch, Row(e, endDate, e.EndKind)); // re-sent with its end: an update
        }

        var improvementScale = e.EndKind == "completed" ? 1.0 : 0.6;
        foreach (var instrument in catalog.Instruments.Values.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var (mean, sd) = IntakeScore.GetValueOrDefault(instrument.Code, ((instrument.ItemMin + instrument.ItemMax) / 2.0 * Count(instrument), instrument.ReferenceSd));
            var baseline = Normal(r, mean, sd);
            var d = effects.D(e.Concern, e.Approach, instrument.Code) + EffectSizes.NaturalImprovement;
            var isAlliance = instrument.Scoring == ScoreMethod.Mean;
            for (var s = isAlliance ? 1 : 0; s <= e.EndSession; s++)
            {
                var scheduled = isAlliance || s % 4 == 0 || (s == e.EndSession && e.EndKind == "completed");
                if (!scheduled) continue;
                if (drop.BatchOf(dates[s]) >= drop.BatchCount) break; // not exported yet: the episode is ongoing
                var progress = 1 - Math.Exp(-s / 4.0);
                var target = baseline + instrument.Direction * d * sd * e.Responsiveness * improvementScale * progress;
                var adminId = $"A{state.Administrations++:D8}";
                var items = Items(r, instrument, target);
                var batch = drop.BatchOf(dates[s]);
                drop.Administration(batch, adminId, e.Id, instrument.Code, dates[s], s, instrument.Items, items);
                // About one administration in a hundred is corrected in the next export (newest batch wins).
                if (r.NextDouble() < 0.01 && batch + 1 < drop.BatchCount)
                {
                    var fixedItems = (int?[])items.Clone();
                    var k = r.Next(fixedItems.Length);
                    fixedItems[k] = Math.Clamp((fixedItems[k] ?? instrument.ItemMin) + (r.NextDouble() < 0.5 ? -1 : 1), instrument.ItemMin, instrument.ItemMax);
                    drop.Administration(batch + 1, adminId, e.Id, instrument.Code, dates[s], s, instrument.Items, fixedItems);
                }
            }
        }
    }

    private static double Count(Instrument i) => i.Scoring == ScoreMethod.Sum ? i.Items.Count : 1;

    /// <summary>Item answers around a target score; ~3% skipped, ~1% of administrations mostly skipped (invalid).</summary>
    private static int?[] Items(Random r, Instrument instrument, double target)
    {
        var perItem = instrument.Scoring == ScoreMethod.Sum ? target / instrument.Items.Count : target;
        var mostlySkipped = r.NextDouble() < 0.01;
        var values = new int?[instrument.Items.Count];
        for (var k = 0; k < values.Length; k++)
        {
            if (r.NextDouble() < (mostlySkipped ? 0.45 : 0.03)) continue;
            var v = (int)Math.Clamp(Math.Round(perItem + Normal(r, 0, 0.7)), instrument.ItemMin, instrument.ItemMax);
            values[k] = instrument.ReverseItems.Contains(instrument.Items[k]) ? instrument.ItemMin + instrument.ItemMax - v : v;
        }
        return values;
    }

    private static string Row(Episode e, DateOnly? end, string endReason) => string.Join(',',
        e.Id, e.ClientId, e.CoupleId ?? "", e.Site, e.Therapist, e.Concern, e.Approach, e.Format,
        e.Age.ToString(CultureInfo.InvariantCulture), e.Gender, e.Orientation, Iso(e.Intake), end is { } d ? Iso(d) : "", endReason);

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly RandomIntake(Random r, DropWriter drop) => drop.Start.AddDays(r.Next(Math.Max(1, drop.WindowDays - 10)));

    private static int TherapistAt(Random r, int site, SynthOptions o)
    {
        // Therapists belong to sites round-robin: therapist t works at site t mod Sites.
        var perSite = Math.Max(1, o.Therapists / o.Sites);
        return site + o.Sites * r.Next(perSite);
    }

    private static string GenderFor(Random r, string concern) => concern switch
    {
        "erectile_dysfunction" or "premature_ejaculation" or "delayed_ejaculation" => r.NextDouble() < 0.93 ? "man" : Pick(r, [("nonbinary", 1), ("another", 1), ("undisclosed", 1)]),
        "menopause_transition" or "genito_pelvic_pain" => r.NextDouble() < 0.9 ? "woman" : Pick(r, [("nonbinary", 2), ("another", 1), ("undisclosed", 1)]),
        _ => Pick(r, [("woman", 50), ("man", 38), ("nonbinary", 7), ("another", 2), ("undisclosed", 3)]),
    };

    private static string PickApproach(Random r, Catalog catalog, string concern, bool couple) =>
        Pick(r, catalog.Approaches.Select(a => (a, EffectSizes.Suited(concern, a) ? 3.0 : a == "couples_therapy" && !couple ? 0.5 : 1.0)).ToArray());

    private static string Pick(Random r, (string Code, double Weight)[] options)
    {
        var total = options.Sum(o => o.Weight);
        var u = r.NextDouble() * total;
        foreach (var (code, weight) in options)
        {
            if ((u -= weight) < 0) return code;
        }
        return options[^1].Code;
    }

    /// <summary>Box–Muller normal deviate.</summary>
    private static double Normal(Random r, double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>One open episodes.csv and responses.csv per batch folder; rows are appended as they are made.</summary>
    private sealed class DropWriter : IDisposable
    {
        private readonly StreamWriter?[] episodes;
        private readonly StreamWriter?[] responses;
        private readonly string folder;
        public DateOnly Start { get; }
        public int BatchCount { get; }
        public int WindowDays { get; }
        public List<string> BatchNames { get; } = [];
        public long EpisodeRows { get; private set; }
        public long ResponseRows { get; private set; }

        public DropWriter(string folder, SynthOptions o)
        {
            this.folder = folder;
            Start = o.Start;
            BatchCount = o.Batches;
            WindowDays = Start.AddMonths(3 * o.Batches).DayNumber - Start.DayNumber;
            episodes = new StreamWriter?[o.Batches];
            responses = new StreamWriter?[o.Batches];
            for (var k = 0; k < o.Batches; k++) BatchNames.Add(Start.AddMonths(3 * (k + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T0300");
            Directory.CreateDirectory(folder);
        }

        /// <summary>The quarter (batch) a date is exported in; BatchCount when after the last export.</summary>
        public int BatchOf(DateOnly d)
        {
            var months = (d.Year - Start.Year) * 12 + d.Month - Start.Month;
            return Math.Clamp(months / 3, 0, BatchCount);
        }

        public void Episode(int batch, string row)
        {
            Open(ref episodes[batch], batch, "episodes.csv", "episode_id,client_id,couple_id,site_id,therapist_id,presenting_concern,approach,format,age_at_intake,gender_identity,sexual_orientation,intake_date,end_date,end_reason")
                .Write(row + "\n");
            EpisodeRows++;
        }

        public void Administration(int batch, string adminId, string episodeId, string instrument, DateOnly date, int session,
            IReadOnlyList<string> items, int?[] values)
        {
            var w = Open(ref responses[batch], batch, "responses.csv", "administration_id,episode_id,instrument,administered_date,session_number,item,value");
            var prefix = $"{adminId},{episodeId},{instrument},{Iso(date)},{session.ToString(CultureInfo.InvariantCulture)},";
            var sb = new StringBuilder(items.Count * (prefix.Length + 10));
            for (var k = 0; k < items.Count; k++)
            {
                sb.Append(prefix).Append(items[k]).Append(',');
                if (values[k] is { } v) sb.Append(v.ToString(CultureInfo.InvariantCulture));
                sb.Append('\n');
            }
            w.Write(sb);
            ResponseRows += items.Count;
        }

        private StreamWriter Open(ref StreamWriter? writer, int batch, string file, string header)
        {
            if (writer is not null) return writer;
            var dir = Path.Combine(folder, BatchNames[batch]);
            Directory.CreateDirectory(dir);
            writer = new StreamWriter(Path.Combine(dir, file), false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.Write(header + "\n");
            return writer;
        }

        public void Dispose()
        {
            foreach (var w in episodes.Concat(responses)) w?.Dispose();
        }
    }
}
