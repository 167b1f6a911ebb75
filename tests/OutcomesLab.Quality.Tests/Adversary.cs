namespace OutcomesLab.Quality.Tests;

/// <summary>
/// An independent, brute-force reader of released tables: tries every combination of adding,
/// subtracting or ignoring each released row (coefficients −1, 0, +1; the total is the sum of one
/// table's rows, so it adds nothing) and reports the smallest non-empty set of people it isolates
/// exactly. Exponential, so only for the small practices of the adversarial tests; it shares no
/// code with <see cref="Comparison.DifferencingAudit"/>, which it checks.
/// </summary>
internal static class Adversary
{
    /// <param name="rows">each released row as the set of people it counts (for one denominator)</param>
    /// <returns>the size of the smallest set below <paramref name="minCell"/> some combination isolates, or null</returns>
    public static int? SmallestRecoverable(IReadOnlyList<IReadOnlySet<string>> rows, int minCell)
    {
        if (rows.Count > 12) throw new ArgumentException("too many rows for a brute-force search", nameof(rows));
        // People with the same row memberships cannot be told apart: work on those atoms.
        var atoms = rows.SelectMany(r => r).Distinct()
            .GroupBy(p => string.Concat(rows.Select(r => r.Contains(p) ? '1' : '0')))
            .Select(g => (Membership: g.Key, People: g.Count()))
            .ToList();
        int? smallest = null;
        var coefficients = new int[rows.Count];
        var combinations = (int)Math.Pow(3, rows.Count);
        for (var code = 1; code < combinations; code++)
        {
            for (int i = 0, c = code; i < rows.Count; i++, c /= 3) coefficients[i] = c % 3 - 1;
            var isolated = 0;
            var plainSet = true;
            foreach (var (membership, people) in atoms)
            {
                var factor = 0;
                for (var i = 0; i < rows.Count; i++) if (membership[i] == '1') factor += coefficients[i];
                if (factor == 1) isolated += people;
                else if (factor != 0) { plainSet = false; break; }
            }
            if (plainSet && isolated > 0 && isolated < minCell && (smallest is null || isolated < smallest)) smallest = isolated;
        }
        return smallest;
    }
}
