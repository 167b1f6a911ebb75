namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// Prosecutor re-identification risk (El Emam &amp; Dankar 2008; as reported by ARX's
/// RiskModelSampleRisks): an intruder who knows the target is in the data and knows their
/// quasi-identifiers picks one of the matching records, so each record's risk is 1 / |its class|.
/// Highest = the largest record risk; average = the mean over records (= classes / records).
/// </summary>
public sealed record ReidentificationRisk(double Highest, double Average, double RecordsAtHighest)
{
    /// <param name="classSizes">One entry per equivalence class: the class's size.</param>
    /// <param name="recordCounts">One entry per class: how many records the class holds (the risk is averaged over these).
    /// Equal to <paramref name="classSizes"/> unless size counts people and a person has several records.</param>
    public static ReidentificationRisk Prosecutor(IReadOnlyList<int> classSizes, IReadOnlyList<int> recordCounts)
    {
        if (classSizes.Count != recordCounts.Count) throw new ArgumentException("one record count per class", nameof(recordCounts));
        long records = 0;
        double sum = 0, highest = 0;
        for (var i = 0; i < classSizes.Count; i++)
        {
            if (classSizes[i] < 1 || recordCounts[i] < 1) throw new ArgumentException("a class is empty", nameof(classSizes));
            var risk = 1.0 / classSizes[i];
            records += recordCounts[i];
            sum += risk * recordCounts[i];
            highest = Math.Max(highest, risk);
        }
        if (records == 0) return new ReidentificationRisk(0, 0, 0);
        long atHighest = 0;
        for (var i = 0; i < classSizes.Count; i++)
            if (1.0 / classSizes[i] == highest) atHighest += recordCounts[i];
        return new ReidentificationRisk(highest, sum / records, (double)atHighest / records);
    }

    /// <summary>Risk of a table of records where each class size is its record count.</summary>
    public static ReidentificationRisk Prosecutor(IReadOnlyList<int> classSizes) => Prosecutor(classSizes, classSizes);
}
