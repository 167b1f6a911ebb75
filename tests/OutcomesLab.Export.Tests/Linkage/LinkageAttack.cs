using System.Globalization;
using OutcomesLab.Export.Disclosure;
using OutcomesLab.Export.Tables;

namespace OutcomesLab.Export.Tests.Linkage;

/// <summary>
/// What a recipient holding two research exports can do with them: read both episodes.csv files, pair
/// episodes whose outcome values agree (same concern, approach, sessions, end reason and instruments,
/// quasi-identifiers that do not contradict, then the nearest baseline/final scores, accepted when each
/// is the other's nearest — an exact join is the case of distance 0), and put together what the two
/// exports say about each linked episode: its quasi-identifier values in the first and in the second.
/// </summary>
internal static class LinkageAttack
{
    public sealed record Episode(string Ref, IReadOnlyDictionary<string, string> QuasiIdentifiers, string Concern, string Block, double[] Scores);

    public sealed record Link(Episode First, Episode Second)
    {
        /// <summary>Both exports' quasi-identifier values side by side: the joint class key.</summary>
        public string JointKey => string.Join('\u001f', First.QuasiIdentifiers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => "1:" + kv.Key + "=" + kv.Value)
            .Concat(Second.QuasiIdentifiers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => "2:" + kv.Key + "=" + kv.Value)));
    }

    private static readonly string[] QuasiIdentifierColumns =
    [
        ExportHierarchies.AgeBand, ExportHierarchies.GenderIdentity, ExportHierarchies.SexualOrientation, ExportHierarchies.Site,
        ExportHierarchies.Format, ExportHierarchies.IntakeQuarter, ExportHierarchies.Therapist,
    ];

    public static IReadOnlyList<Episode> Read(string exportFolder)
    {
        var csv = CsvTableReader.Parse(File.ReadAllText(Path.Combine(exportFolder, "episodes.csv")));
        var header = csv.Header.ToList();
        int Col(string name) => header.IndexOf(name);
        var qiColumns = QuasiIdentifierColumns.Where(c => Col(c) >= 0).ToList();
        return csv.Rows.GroupBy(r => r[Col("episode_ref")]).Select(g =>
        {
            var first = g.First();
            var rows = g.OrderBy(r => r[Col("instrument")], StringComparer.Ordinal).ToList();
            var block = string.Join('|', first[Col("presenting_concern")], first[Col("approach")], first[Col("sessions_attended")], first[Col("end_reason")],
                string.Join(',', rows.Select(r => r[Col("instrument")])));
            var scores = rows.SelectMany(r => new[] { Score(r[Col("baseline")]), Score(r[Col("final")]) }).ToArray();
            return new Episode(g.Key, qiColumns.ToDictionary(c => c, c => first[Col(c)]), first[Col("presenting_concern")], block, scores);
        }).ToList();
    }

    private static double Score(string cell) => cell.Length == 0 ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);

    /// <summary>Mutual nearest neighbours on the outcome scores within blocks of equal categorical outcome values.</summary>
    public static IReadOnlyList<Link> Join(IReadOnlyList<Episode> first, IReadOnlyList<Episode> second)
    {
        var firstByBlock = first.ToLookup(e => e.Block, StringComparer.Ordinal);
        var secondByBlock = second.ToLookup(e => e.Block, StringComparer.Ordinal);
        var links = new List<Link>();
        foreach (var group in firstByBlock)
        {
            var candidates = secondByBlock[group.Key].ToList();
            if (candidates.Count == 0) continue;
            foreach (var a in group)
            {
                var b = Nearest(a, candidates);
                if (b is null) continue;
                if (ReferenceEquals(Nearest(b, group), a)) links.Add(new Link(a, b));
            }
        }
        return links;
    }

    private static Episode? Nearest(Episode target, IEnumerable<Episode> candidates)
    {
        Episode? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var c in candidates)
        {
            if (!Compatible(target, c)) continue;
            var d = Distance(target.Scores, c.Scores);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double Distance(double[] a, double[] b)
    {
        if (a.Length != b.Length) return double.PositiveInfinity;
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (double.IsNaN(a[i]) != double.IsNaN(b[i])) return double.PositiveInfinity;
            if (!double.IsNaN(a[i])) sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.Sqrt(sum);
    }

    /// <summary>Quasi-identifiers both exports release must not contradict (one generalising the other, or `*`).</summary>
    private static bool Compatible(Episode a, Episode b)
    {
        foreach (var (name, value) in a.QuasiIdentifiers)
        {
            if (name == ExportHierarchies.Therapist || !b.QuasiIdentifiers.TryGetValue(name, out var other)) continue;
            if (value == "*" || other == "*" || value == other) continue;
            if (value.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(value, StringComparison.Ordinal)) continue;  // 2024-Q1 / 2024
            if (value == ExportHierarchies.Another || other == ExportHierarchies.Another) continue;
            if (name == ExportHierarchies.AgeBand && SameTwentyYears(value, other)) continue;
            return false;
        }
        return true;
    }

    private static bool SameTwentyYears(string a, string b) =>
        ExportHierarchies.Age.Generalise(a, 1) == b || ExportHierarchies.Age.Generalise(b, 1) == a;
}
