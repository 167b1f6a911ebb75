using OutcomesLab.Domain;

namespace OutcomesLab.Reporting.Samples;

/// <summary>
/// A plausible, entirely invented aggregate run for the chart benchmark and the tests: every
/// concern × instrument of a catalog, a random subset of approaches per concern, group sizes from a
/// handful to a few hundred (so some groups are suppressed), session trajectories and intake
/// quarters. Fixed seed → identical output. Figures follow the formulas of
/// docs/contracts/metrics.md from invented group means, so they are internally consistent, but they
/// describe no one.
/// </summary>
public static class SampleAggregateRun
{
    private static readonly string[] Populations = ["all", "completed"];

    public static AggregateRun Create(Catalog catalog, int seed = 1, int minCell = 11, DateTimeOffset? createdAt = null, int quarters = 10)
    {
        var random = new Random(seed);
        var aggregates = new List<AggregateRow>();
        var trajectories = new List<TrajectoryRow>();
        var trends = new List<TrendRow>();
        foreach (var instrument in catalog.Instruments.Values)
        {
            var perConcern = new List<List<GroupTruth>>();
            foreach (var concern in catalog.PresentingConcerns)
            {
                var groups = catalog.Approaches
                    .Where(_ => random.NextDouble() < 0.7)
                    .Select(a => GroupTruth.Invent(random, instrument, concern, a))
                    .ToList();
                if (groups.Count == 0) groups.Add(GroupTruth.Invent(random, instrument, concern, catalog.Approaches[0]));
                perConcern.Add(groups);
                var line = groups.Append(GroupTruth.Pool(groups, instrument, concern, Codes.All)).ToList();
                foreach (var population in Populations)
                    aggregates.AddRange(SuppressLine(line.Select(g => g.Row(population, random)).ToList(), minCell));
                trajectories.AddRange(Trajectories(line, instrument, random, minCell));
                trends.AddRange(Trends(line, instrument, random, minCell, quarters));
            }
            // Concern roll-up (concern = all) per approach and overall.
            var every = perConcern.SelectMany(g => g).ToList();
            var byApproach = every.GroupBy(g => g.Approach).Select(g => GroupTruth.Pool(g.ToList(), instrument, Codes.All, g.Key)).ToList();
            var allLine = byApproach.Append(GroupTruth.Pool(every, instrument, Codes.All, Codes.All)).ToList();
            foreach (var population in Populations)
                aggregates.AddRange(SuppressLine(allLine.Select(g => g.Row(population, random)).ToList(), minCell));
        }
        return new AggregateRun(seed, createdAt ?? new DateTimeOffset(2025, 6, 30, 2, 0, 0, TimeSpan.Zero), minCell,
            ["sample-batch-1", "sample-batch-2"],
            aggregates.OrderBy(r => r.Instrument, StringComparer.Ordinal).ThenBy(r => r.PresentingConcern, StringComparer.Ordinal)
                .ThenBy(r => r.Approach, StringComparer.Ordinal).ThenBy(r => r.Population, StringComparer.Ordinal).ToList(),
            trajectories, trends);
    }

    /// <summary>Primary and (approximately) secondary suppression over one line of approaches with its total last.</summary>
    private static IEnumerable<AggregateRow> SuppressLine(List<AggregateRow> line, int minCell)
    {
        var suppress = line.Select(r => r.NPaired < minCell).ToArray();
        if (suppress.Count(s => s) == 1 && line.Count > 2)
        {
            var next = Enumerable.Range(0, line.Count - 1).Where(i => !suppress[i]).OrderBy(i => line[i].NPaired).FirstOrDefault(-1);
            if (next >= 0) suppress[next] = true;
        }
        return line.Select((r, i) => suppress[i] ? Suppressed(r) : r);
    }

    private static AggregateRow Suppressed(AggregateRow r) => new(r.Instrument, r.PresentingConcern, r.Approach, r.Population,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, true);

    private static IEnumerable<TrajectoryRow> Trajectories(List<GroupTruth> line, Instrument instrument, Random random, int minCell)
    {
        var sessions = Enumerable.Range(0, 13).ToArray();
        foreach (var s in sessions)
        {
            var rows = line.Select(g => g.Session(s, random)).ToList();
            var suppress = rows.Select(r => r.N < minCell).ToArray();
            if (suppress.Count(x => x) == 1 && rows.Count > 2)
            {
                var next = Enumerable.Range(0, rows.Count - 1).Where(i => !suppress[i]).OrderBy(i => rows[i].N).FirstOrDefault(-1);
                if (next >= 0) suppress[next] = true;
            }
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (r.N == 0) continue;
                yield return suppress[i] ? new TrajectoryRow(r.Instrument, r.PresentingConcern, r.Approach, s, null, null, null, null, null, true) : r;
            }
        }
        _ = instrument;
    }

    private static IEnumerable<TrendRow> Trends(List<GroupTruth> line, Instrument instrument, Random random, int minCell, int quarters)
    {
        for (var q = 0; q < quarters; q++)
        {
            var label = $"{2023 + q / 4}-Q{q % 4 + 1}";
            foreach (var g in line)
            {
                var n = (long)Math.Round(g.NPaired / (double)quarters * (0.6 + 0.8 * random.NextDouble()));
                if (n == 0) continue;
                if (n < minCell)
                {
                    yield return new TrendRow(instrument.Code, g.Concern, g.Approach, label, null, null, null, null, null, true);
                    continue;
                }
                var drift = 0.15 * (q - quarters / 2.0) / quarters;
                var gq = g.G + drift + 0.15 * Normal(random);
                var se = Math.Sqrt(2 * (1 - g.R) / n + gq * gq / (2 * n));
                var improved = Math.Round(Math.Clamp(g.PctImproved + 100 * drift + 8 * Normal(random), 0, 100) / 100 * n);
                yield return new TrendRow(instrument.Code, g.Concern, g.Approach, label, n, gq, gq - 1.96 * se, gq + 1.96 * se, 100 * improved / n, false);
            }
        }
    }

    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()); // Box–Muller

    /// <summary>The invented truth of one group, from which its published row is computed.</summary>
    private sealed record GroupTruth(Instrument Instrument, string Concern, string Approach, long NEpisodes, long NPaired,
        double BaselineMean, double Sd, double G, double R)
    {
        public static GroupTruth Invent(Random random, Instrument instrument, string concern, string approach)
        {
            var size = random.NextDouble();
            var nPaired = (long)Math.Round(size < 0.2 ? 2 + 9 * random.NextDouble() : 11 + 140 * size * size);
            var nEpisodes = nPaired + (long)Math.Round(nPaired * 0.15 * random.NextDouble());
            var reference = instrument.ClinicalCutoff ?? (instrument.ItemMin + instrument.ItemMax) / 2.0 * (instrument.Scoring == ScoreMethod.Sum ? instrument.Items.Count : 1);
            var baseline = reference - instrument.Direction * instrument.ReferenceSd * (0.2 + 0.6 * random.NextDouble());
            return new GroupTruth(instrument, concern, approach, nEpisodes, nPaired, baseline,
                instrument.ReferenceSd * (0.85 + 0.3 * random.NextDouble()), 0.2 + 0.9 * random.NextDouble() - (random.NextDouble() < 0.08 ? 0.5 : 0),
                0.45 + 0.35 * random.NextDouble());
        }

        public static GroupTruth Pool(IReadOnlyList<GroupTruth> groups, Instrument instrument, string concern, string approach)
        {
            var n = groups.Sum(g => g.NPaired);
            double W(Func<GroupTruth, double> f) => groups.Sum(g => f(g) * g.NPaired) / Math.Max(1, n);
            return new GroupTruth(instrument, concern, approach, groups.Sum(g => g.NEpisodes), n, W(g => g.BaselineMean), W(g => g.Sd), W(g => g.G), W(g => g.R));
        }

        public double PctImproved => 100 * Phi((G * Sd - 1.96 * Instrument.SDiff) / (Sd * Math.Sqrt(2 * (1 - R))));

        /// <summary>The published row of this group for a population, per the formulas of metrics.md.</summary>
        public AggregateRow Row(string population, Random random)
        {
            var n = population == "all" ? NPaired : (long)Math.Round(NPaired * (0.45 + 0.2 * random.NextDouble()));
            var nEpisodes = population == "all" ? NEpisodes : n;
            var g = population == "all" ? G : G * 1.12;
            var dir = Instrument.Direction;
            // Invert g = J × d to find the final mean that yields it (d = dir × (final − baseline) / baseline_sd).
            var j = n > 2 ? 1 - 3.0 / (4 * (n - 1) - 1) : double.NaN;
            var finalMean = BaselineMean + dir * g / j * Sd;
            var changeSd = Sd * Math.Sqrt(2 * (1 - R));
            double? gOut = n >= 3 ? g : null;
            double? half = gOut is { } gv ? 1.96 * Math.Sqrt(2 * (1 - R) / n + gv * gv / (2 * n)) : null;
            var sdiff = Instrument.SDiff;
            var improvedShare = Phi((dir * (finalMean - BaselineMean) - 1.96 * sdiff) / changeSd);
            var deterioratedShare = Phi((-dir * (finalMean - BaselineMean) - 1.96 * sdiff) / changeSd);
            var nImproved = (long)Math.Round(improvedShare * n);
            var nDeteriorated = (long)Math.Round(deterioratedShare * n);
            long? nClinical = Instrument.ClinicalCutoff is null ? null : (long)Math.Round(n * (0.6 + 0.3 * random.NextDouble()));
            long? nRecovered = nClinical is { } c ? (long)Math.Round(c * Math.Min(1, improvedShare * 0.8)) : null;
            long? nReliablyRecovered = nRecovered is { } rcv ? (long)Math.Round(rcv * 0.85) : null;
            double? Pct(long? count, long? of) => count is { } k && of is { } d && d > 0 ? 100.0 * k / d : null;
            return new AggregateRow(Instrument.Code, Concern, Approach, population, nEpisodes, n,
                BaselineMean, Sd, finalMean, Sd * 1.05, finalMean - BaselineMean, changeSd, R,
                gOut, gOut - half, gOut + half,
                nImproved, Pct(nImproved, n), nDeteriorated, Pct(nDeteriorated, n),
                nClinical, nRecovered, Pct(nRecovered, nClinical), nReliablyRecovered, Pct(nReliablyRecovered, nClinical),
                false);
        }

        /// <summary>Administrations at a session: most at intake, fewer later, odd sessions rare.</summary>
        public TrajectoryRow Session(int session, Random random)
        {
            var share = session == 0 ? 1.0 : session % 2 == 1 ? 0.06 : Math.Max(0.05, 0.95 - 0.07 * session);
            var n = (long)Math.Round(NEpisodes * share * (0.9 + 0.2 * random.NextDouble()));
            var progress = (1 - Math.Exp(-session / 4.0)) / (1 - Math.Exp(-12 / 4.0));
            var mean = BaselineMean + Instrument.Direction * G * Sd * progress + 0.05 * Sd * Normal(random);
            double? sd = n >= 2 ? Sd * (0.9 + 0.2 * random.NextDouble()) : null;
            double? half = sd is { } s ? 1.96 * s / Math.Sqrt(n) : null;
            return new TrajectoryRow(Instrument.Code, Concern, Approach, session, n, mean, sd, mean - half, mean + half, false);
        }
    }

    /// <summary>Standard normal CDF (Abramowitz &amp; Stegun 7.1.26 erf approximation, |error| &lt; 1.5e-7).</summary>
    private static double Phi(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * z);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z);
        return 0.5 * (1 + (x >= 0 ? erf : -erf));
    }
}
