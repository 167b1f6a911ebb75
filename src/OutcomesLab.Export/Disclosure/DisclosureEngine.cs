using System.Globalization;

namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// k-anonymity with distinct ℓ-diversity by full-domain generalisation plus local (record)
/// suppression, choosing the least information loss over the whole generalisation lattice — the
/// approach of ARX (Prasser &amp; Kohlmayer, "Putting statistical disclosure control into practice: the
/// ARX data anonymization tool", 2015) and of Samarati/Sweeney's k-anonymity (Sweeney 2002).
/// A pure function of the records: no I/O, no randomness, the same input gives the same release.
/// </summary>
/// <remarks>
/// Every lattice node (one level per quasi-identifier) is evaluated: the lattice of an export is at
/// most 3·3·3·2·2·3·2 = 648 nodes, so exhaustive search is exact and takes milliseconds; ARX's Flash
/// pruning would only matter for far larger lattices. At a node, a class with fewer than k people or
/// fewer than ℓ distinct sensitive values is suppressed (all its quasi-identifiers become <c>*</c>);
/// the node meets the targets when the suppressed records fit the budget. Among those, the node with
/// the least Precision loss wins (Sweeney 2002, "Prec": the mean over records and quasi-identifiers of
/// level / height, a suppressed record counting as fully generalised); ties go to fewer suppressed
/// records, then lower levels. Suppressed records together form the class of all-<c>*</c> records;
/// when that class itself is smaller than k or less diverse than ℓ, its records are withheld.
/// A record's <see cref="DisclosureRecord.Known"/> key (what earlier releases revealed) is part of every
/// class it is counted in, released or suppressed: k and ℓ then hold for the joint view of this release
/// and the earlier ones.
/// </remarks>
public static class DisclosureEngine
{
    public static DisclosureResult Anonymise(IReadOnlyList<QuasiIdentifier> quasiIdentifiers, IReadOnlyList<DisclosureRecord> records,
        DisclosureOptions options)
    {
        options.Validate();
        var q = quasiIdentifiers.Count;
        if (q == 0) throw new ArgumentException("at least one quasi-identifier is needed", nameof(quasiIdentifiers));
        if (records.Any(r => r.QuasiIdentifiers.Count != q))
            throw new ArgumentException("every record needs one value per quasi-identifier", nameof(records));
        var n = records.Count;
        if (n == 0) return DisclosureResult.Failed("there are no episodes to export");

        var people = records.Select(r => r.SubjectId).Distinct(StringComparer.Ordinal).Count();
        if (people < options.K)
            return DisclosureResult.Failed(Invariant($"k = {options.K} cannot be met: the data hold fewer than {options.K} people"), 0, n);
        var concerns = records.Select(r => r.Sensitive).Distinct(StringComparer.Ordinal).Count();
        if (concerns < options.L)
            return DisclosureResult.Failed(Invariant($"ℓ = {options.L} cannot be met: the data hold only {concerns} distinct presenting concern(s)"), 0, n);

        var lattice = new Lattice(quasiIdentifiers, records);
        var budget = options.SuppressionBudget(n);
        NodeScore? best = null;
        var evaluated = 0;
        var meeting = 0;
        foreach (var node in lattice.Nodes())
        {
            var suppressed = lattice.SuppressedAt(node, options.K, options.L);
            evaluated++;
            var score = new NodeScore(node, suppressed, lattice.Loss(node, suppressed));
            if (suppressed > budget) continue;
            meeting++;
            if (best is null || score.IsBetterThan(best)) best = score;
        }

        // Without earlier releases unreachable while the checks above hold: at the top node every record
        // shares one class of at least k people and ℓ concerns. What earlier releases revealed can split
        // even that class beyond the suppression budget.
        if (best is null && records.Any(r => r.Known.Length > 0))
            return DisclosureResult.Failed(Invariant(
                $"k = {options.K} and ℓ = {options.L} cannot be met within the suppression limit: what earlier releases revealed already splits the data into smaller or more uniform groups"),
                evaluated, n);
        if (best is null) throw new InvalidOperationException("no lattice node met the targets although the top node must");
        return Release(quasiIdentifiers, records, lattice, best, options, evaluated, meeting);
    }

    private static DisclosureResult Release(IReadOnlyList<QuasiIdentifier> qis, IReadOnlyList<DisclosureRecord> records, Lattice lattice,
        NodeScore best, DisclosureOptions options, int evaluated, int meeting)
    {
        var failing = lattice.FailingRecords(best.Node, options.K, options.L);
        var allSuppressed = Enumerable.Repeat(GeneralisationHierarchy.Suppressed, qis.Count).ToArray();
        var released = new ReleasedRecord[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            if (failing[i])
            {
                released[i] = new ReleasedRecord(records[i].RecordId, allSuppressed, RecordFate.Suppressed);
                continue;
            }
            var values = new string[qis.Count];
            for (var j = 0; j < qis.Count; j++) values[j] = qis[j].Hierarchy.Generalise(records[i].QuasiIdentifiers[j], best.Node[j]);
            released[i] = new ReleasedRecord(records[i].RecordId, values, RecordFate.Released);
        }

        // The all-* records form a class of their own; withhold them when it is too small or too uniform.
        // Classes are joint ones: the released values together with what earlier releases revealed.
        var classes = DisclosureCheck.Classes(released.Select((r, i) => (Joint(r.QuasiIdentifiers, records[i]), records[i].SubjectId, records[i].Sensitive)));
        var weak = classes.Where(c => c.Subjects < options.K || c.DistinctSensitive < options.L)
            .Select(c => string.Join('\u001f', c.Key)).ToHashSet(StringComparer.Ordinal);
        var withheld = 0;
        if (weak.Count > 0)
        {
            for (var i = 0; i < released.Length; i++)
            {
                if (!weak.Contains(string.Join('\u001f', Joint(released[i].QuasiIdentifiers, records[i])))) continue;
                if (released[i].Fate != RecordFate.Suppressed)
                    throw new InvalidOperationException("disclosure control left a released class below its targets");
                released[i] = released[i] with { Fate = RecordFate.Withheld };
                withheld++;
            }
        }

        var kept = released.Select((r, i) => (r, i)).Where(x => x.r.Fate != RecordFate.Withheld).ToList();
        var figures = DisclosureCheck.Measure(DisclosureCheck.Classes(kept.Select(x => (x.r.QuasiIdentifiers, records[x.i].SubjectId, records[x.i].Sensitive))));
        var joint = DisclosureCheck.Measure(DisclosureCheck.Classes(
            kept.Select(x => (Joint(x.r.QuasiIdentifiers, records[x.i]), records[x.i].SubjectId, records[x.i].Sensitive))));
        return new DisclosureResult
        {
            Levels = best.Node,
            Records = released,
            Figures = figures,
            JointFigures = joint,
            SuppressedRecords = best.Suppressed,
            WithheldRecords = withheld,
            TotalRecords = records.Count,
            InformationLoss = best.Loss,
            NodesEvaluated = evaluated,
            NodesMeetingTargets = meeting,
        };
    }

    private static IReadOnlyList<string> Joint(IReadOnlyList<string> released, DisclosureRecord record) =>
        record.Known.Length == 0 ? released : [.. released, record.Known];

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record NodeScore(int[] Node, int Suppressed, double Loss)
    {
        public bool IsBetterThan(NodeScore other)
        {
            if (Math.Abs(Loss - other.Loss) > 1e-12) return Loss < other.Loss;
            if (Suppressed != other.Suppressed) return Suppressed < other.Suppressed;
            var a = Node.Sum();
            var b = other.Node.Sum();
            if (a != b) return a < b;
            for (var i = 0; i < Node.Length; i++)
                if (Node[i] != other.Node[i]) return Node[i] < other.Node[i];
            return false;
        }
    }

    /// <summary>The records coded once per quasi-identifier and level, so a node is grouped with integer keys.</summary>
    private sealed class Lattice
    {
        private readonly IReadOnlyList<QuasiIdentifier> qis;
        private readonly int[][][] codes;     // [qi][level][record]
        private readonly int[][] radix;       // [qi][level] distinct values at that level
        private readonly int[] subject;       // person index per record
        private readonly int[] sensitive;     // sensitive value index per record
        private readonly int[] known;         // what earlier releases revealed, index per record
        private readonly int knownRadix;
        private readonly int n;

        public Lattice(IReadOnlyList<QuasiIdentifier> qis, IReadOnlyList<DisclosureRecord> records)
        {
            this.qis = qis;
            n = records.Count;
            codes = new int[qis.Count][][];
            radix = new int[qis.Count][];
            for (var j = 0; j < qis.Count; j++)
            {
                var h = qis[j].Hierarchy;
                codes[j] = new int[h.Height + 1][];
                radix[j] = new int[h.Height + 1];
                for (var level = 0; level <= h.Height; level++)
                {
                    var dict = new Dictionary<string, int>(StringComparer.Ordinal);
                    var column = new int[n];
                    for (var i = 0; i < n; i++)
                    {
                        var v = h.Generalise(records[i].QuasiIdentifiers[j], level);
                        if (!dict.TryGetValue(v, out var c)) dict[v] = c = dict.Count;
                        column[i] = c;
                    }
                    codes[j][level] = column;
                    radix[j][level] = dict.Count;
                }
            }
            known = Index(records.Select(r => r.Known));
            knownRadix = known.Length == 0 ? 1 : known.Max() + 1;
            // Keys are mixed-radix numbers over the level-0 cardinalities (the largest) and the known keys: they must fit a long.
            try
            {
                long product = knownRadix;
                foreach (var r in radix) product = checked(product * Math.Max(1, r[0]));
            }
            catch (OverflowException)
            {
                throw new InvalidOperationException("the quasi-identifiers have too many distinct values to key one class by a 64-bit number");
            }
            subject = Index(records.Select(r => r.SubjectId));
            sensitive = Index(records.Select(r => r.Sensitive));
        }

        private static int[] Index(IEnumerable<string> values)
        {
            var dict = new Dictionary<string, int>(StringComparer.Ordinal);
            return values.Select(v => dict.TryGetValue(v, out var c) ? c : dict[v] = dict.Count).ToArray();
        }

        public IEnumerable<int[]> Nodes()
        {
            var node = new int[qis.Count];
            while (true)
            {
                yield return (int[])node.Clone();
                var j = qis.Count - 1;
                while (j >= 0 && node[j] == qis[j].Hierarchy.Height) node[j--] = 0;
                if (j < 0) yield break;
                node[j]++;
            }
        }

        private long[] Keys(int[] node)
        {
            var keys = new long[n];
            for (var j = 0; j < qis.Count; j++)
            {
                var column = codes[j][node[j]];
                var r = radix[j][node[j]];
                for (var i = 0; i < n; i++) keys[i] = keys[i] * r + column[i];
            }
            for (var i = 0; i < n; i++) keys[i] = keys[i] * knownRadix + known[i];
            return keys;
        }

        /// <summary>Per record: does its class at this node fail k (distinct people) or ℓ (distinct sensitive values)?</summary>
        public bool[] FailingRecords(int[] node, int k, int l)
        {
            var keys = Keys(node);
            var members = new Dictionary<long, List<int>>();
            for (var i = 0; i < n; i++)
            {
                if (!members.TryGetValue(keys[i], out var list)) members[keys[i]] = list = [];
                list.Add(i);
            }
            var failing = new bool[n];
            var people = new HashSet<int>();
            var values = new HashSet<int>();
            foreach (var list in members.Values)
            {
                var fails = list.Count < k;
                if (!fails)
                {
                    people.Clear();
                    values.Clear();
                    foreach (var i in list)
                    {
                        people.Add(subject[i]);
                        values.Add(sensitive[i]);
                    }
                    fails = people.Count < k || values.Count < l;
                }
                if (fails)
                    foreach (var i in list) failing[i] = true;
            }
            return failing;
        }

        public int SuppressedAt(int[] node, int k, int l) => FailingRecords(node, k, l).Count(f => f);

        public double Loss(int[] node, int suppressed)
        {
            double perRecord = 0;
            for (var j = 0; j < qis.Count; j++) perRecord += (double)node[j] / qis[j].Hierarchy.Height;
            return ((n - suppressed) * perRecord + suppressed * qis.Count) / ((double)n * qis.Count);
        }
    }
}
