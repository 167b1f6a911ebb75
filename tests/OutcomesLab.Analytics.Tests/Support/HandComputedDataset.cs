namespace OutcomesLab.Analytics.Tests.Support;

/// <summary>The hand-computed dataset of <c>HandComputedDatasetTests</c> (the derivations are there), shared with the CLI tests.</summary>
public static class HandComputedDataset
{
    public static SeedData Build()
    {
        var d = new SeedData()
            .Episode("E1", "low_desire", "cbt").Episode("E2", "low_desire", "cbt").Episode("E3", "low_desire", "cbt", "dropout")
            .Episode("E4", "low_desire", "mindfulness").Episode("E5", "low_desire", "mindfulness", "ongoing")
            .Episode("E6", "low_desire", "mindfulness").Episode("E7", "low_desire", "mindfulness")
            .Episode("E8", "erectile_dysfunction", "cbt").Episode("E9", "low_desire", "cbt");
        foreach (var (e, b, f) in new[] { ("E1", 28.0, 40.0), ("E2", 34, 38), ("E3", 40, 52), ("E4", 24, 40), ("E5", 38, 26), ("E6", 32, 34), ("E8", 30, 41) })
            d.Valid(e, "SAT", 0, 0, b).Valid(e, "SAT", 8, 56, f);
        d.Valid("E7", "SAT", 0, 0, 45);
        d.Invalid("E1", "SAT", 4, 28);
        d.Valid("E5", "SAT", 4, 28, 30);
        d.Invalid("E9", "SAT", 0, 0);
        return d;
    }
}
