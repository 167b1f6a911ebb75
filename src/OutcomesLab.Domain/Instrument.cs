namespace OutcomesLab.Domain;

/// <summary>How an administration's answered items become one score (docs/contracts/catalog.md, "Scoring rules").</summary>
public enum ScoreMethod { Sum, Mean }

/// <summary>One questionnaire of the catalog: items, range, scoring and norms.</summary>
public sealed record Instrument(
    string Code,
    string Construct,
    IReadOnlyList<string> Items,
    int ItemMin,
    int ItemMax,
    IReadOnlySet<string> ReverseItems,
    ScoreMethod Scoring,
    bool HigherIsBetter,
    double Reliability,
    double ReferenceSd,
    double? ClinicalCutoff,
    double? AllianceAlertBelow)
{
    /// <summary>+1 when a higher score is better, −1 when lower is (docs/contracts/metrics.md: <c>dir</c>).</summary>
    public int Direction => HigherIsBetter ? 1 : -1;

    /// <summary>Answered items needed for a valid administration: ceil(0.8 × item count).</summary>
    public int MinAnswered => (int)Math.Ceiling(0.8 * Items.Count - 1e-9);

    /// <summary>Jacobson &amp; Truax (1991) standard error of the difference: SD_ref × sqrt(2 × (1 − r)).</summary>
    public double SDiff => ReferenceSd * Math.Sqrt(2 * (1 - Reliability));

    public bool HasItem(string item) => Items.Contains(item, StringComparer.Ordinal);

    /// <summary>Strictly worse than the cut-off; false when the instrument has none.</summary>
    public bool InClinicalRange(double score) =>
        ClinicalCutoff is { } cut && (HigherIsBetter ? score < cut : score > cut);

    /// <summary>
    /// Scores one administration by the catalog's scoring rules: reverse items become min+max−v; valid
    /// when at least <see cref="MinAnswered"/> items are answered; sum = prorated mean × item count,
    /// mean = mean. Returns null for an invalid administration. The store scores in SQL with the same rule
    /// (sql/common/Administrations_RescoreTouched.sql); this is the reference the tests hold it to.
    /// </summary>
    public double? Score(IReadOnlyDictionary<string, int> answers)
    {
        var answered = Items.Where(answers.ContainsKey).ToList();
        if (answered.Count < MinAnswered) return null;
        double total = 0;
        foreach (var item in answered)
        {
            var v = answers[item];
            total += ReverseItems.Contains(item) ? ItemMin + ItemMax - v : v;
        }
        var mean = total / answered.Count;
        return Scoring == ScoreMethod.Sum ? mean * Items.Count : mean;
    }
}
