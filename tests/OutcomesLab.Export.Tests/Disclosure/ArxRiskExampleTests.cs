using OutcomesLab.Export.Disclosure;
using Xunit;

namespace OutcomesLab.Export.Tests.Disclosure;

/// <summary>
/// Known values from ARX's own example (arx-deidentifier/arx, src/example/…/Example1.java and
/// Example29.java): seven records of age, gender and zipcode with ARX's hierarchies. ARX's
/// 2-anonymous transformation (age level 1, gender level 1, zipcode level 2) has classes of 2, 3 and
/// 2 records, so the prosecutor risk is highest 1/2 and average (2·½ + 3·⅓ + 2·½)/7 = 3/7.
/// </summary>
public sealed class ArxRiskExampleTests
{
    private static readonly string[][] Data =
    [
        ["34", "male", "81667"], ["45", "female", "81675"], ["66", "male", "81925"], ["70", "female", "81931"],
        ["34", "female", "81931"], ["70", "male", "81931"], ["45", "male", "81931"],
    ];

    private static readonly QuasiIdentifier[] Qis =
    [
        new("age", new TableHierarchy(["age", "decade group", "*"],
            [["34", "<50", "*"], ["45", "<50", "*"], ["66", ">=50", "*"], ["70", ">=50", "*"]])),
        new("gender", new TableHierarchy(["gender", "*"], [["male", "*"], ["female", "*"]])),
        new("zipcode", new TableHierarchy(["zip", "4 digits", "3 digits", "2 digits", "1 digit", "*"],
        [
            ["81667", "8166*", "816**", "81***", "8****", "*****"],
            ["81675", "8167*", "816**", "81***", "8****", "*****"],
            ["81925", "8192*", "819**", "81***", "8****", "*****"],
            ["81931", "8193*", "819**", "81***", "8****", "*****"],
        ])),
    ];

    [Fact]
    public void Prosecutor_risk_of_ARX_2_anonymous_output_is_highest_one_half_average_three_sevenths()
    {
        int[] node = [1, 1, 2];
        var released = Data.Select((row, i) =>
            ((IReadOnlyList<string>)row.Select((v, j) => Qis[j].Hierarchy.Generalise(v, node[j])).ToArray(), $"r{i}", "x"));
        var classes = DisclosureCheck.Classes(released);

        Assert.Equal([2, 2, 3], classes.Select(c => c.Records).Order().ToArray());
        var figures = DisclosureCheck.Measure(classes);
        Assert.Equal(0.5, figures.Risk.Highest, 12);
        Assert.Equal(3.0 / 7.0, figures.Risk.Average, 12);
        Assert.Equal(4.0 / 7.0, figures.Risk.RecordsAtHighest, 12);
        Assert.Equal(2, figures.KAchieved);
    }

    [Fact]
    public void Prosecutor_risk_of_the_raw_ARX_data_is_one_for_its_unique_records()
    {
        var risk = ReidentificationRisk.Prosecutor(
            DisclosureCheck.Classes(Data.Select((row, i) => ((IReadOnlyList<string>)row, $"r{i}", "x"))).Select(c => c.Records).ToList());
        Assert.Equal(1.0, risk.Highest);
        Assert.Equal(1.0, risk.Average);
    }

    [Fact]
    public void Engine_makes_ARX_data_2_anonymous_without_suppression()
    {
        var records = Data.Select((row, i) => new DisclosureRecord($"r{i}", $"p{i}", row, i % 2 == 0 ? "a" : "b")).ToList();
        var result = DisclosureEngine.Anonymise(Qis, records, new DisclosureOptions(K: 2, L: 1, MaxSuppression: 0));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(0, result.SuppressedRecords);
        Assert.True(result.Figures.KAchieved >= 2);
        Assert.True(result.Figures.Risk.Highest <= 0.5);
        Assert.Equal(3 * 2 * 6, result.NodesEvaluated); // the whole lattice: 3 age × 2 gender × 6 zipcode levels
    }
}
