namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// Measures a released table from its own values, independently of how it was produced: the export
/// runs it on the rows it is about to write, so a bug in the search cannot let a small class out.
/// </summary>
public static class DisclosureCheck
{
    /// <summary>The equivalence classes of released records (quasi-identifier values, person, sensitive value).</summary>
    public static IReadOnlyList<EquivalenceClass> Classes(IEnumerable<(IReadOnlyList<string> QuasiIdentifiers, string Subject, string Sensitive)> records)
    {
        var groups = new Dictionary<string, (IReadOnlyList<string> Key, int Records, HashSet<string> Subjects, HashSet<string> Sensitive)>(StringComparer.Ordinal);
        foreach (var (qis, subject, sensitive) in records)
        {
            // U+001F cannot occur in a code, a band or a pseudonym, so the joined key is unambiguous.
            var key = string.Join('\u001f', qis);
            if (!groups.TryGetValue(key, out var g))
            {
                g = (qis.ToArray(), 0, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            }
            g.Subjects.Add(subject);
            g.Sensitive.Add(sensitive);
            groups[key] = (g.Key, g.Records + 1, g.Subjects, g.Sensitive);
        }
        return groups.Values.Select(g => new EquivalenceClass(g.Key, g.Records, g.Subjects.Count, g.Sensitive.Count)).ToList();
    }

    public static DisclosureFigures Measure(IReadOnlyList<EquivalenceClass> classes)
    {
        if (classes.Count == 0) return new DisclosureFigures(0, 0, 0, 0, new ReidentificationRisk(0, 0, 0));
        var risk = ReidentificationRisk.Prosecutor(classes.Select(c => c.Subjects).ToList(), classes.Select(c => c.Records).ToList());
        return new DisclosureFigures(classes.Min(c => c.Subjects), classes.Min(c => c.DistinctSensitive), classes.Count,
            classes.Sum(c => c.Records), risk);
    }
}
