using OutcomesLab.Export.Disclosure;
using Xunit;

namespace OutcomesLab.Export.Tests.Disclosure;

/// <summary>What earlier releases revealed (<see cref="DisclosureRecord.Known"/>) is part of every class the engine holds to k and ℓ.</summary>
public sealed class JointDisclosureTests
{
    private static readonly IReadOnlyList<QuasiIdentifier> Qis = ExportHierarchies.For(withTherapist: false);

    /// <summary>Classes over the released values together with each record's known key: what a recipient of both releases sees.</summary>
    private static IReadOnlyList<EquivalenceClass> JointClasses(DisclosureResult result, IReadOnlyList<DisclosureRecord> records) =>
        DisclosureCheck.Classes(result.Records.Select((r, i) => (r, rec: records[i])).Where(x => x.r.Fate != RecordFate.Withheld)
            .Select(x => ((IReadOnlyList<string>)[.. x.r.QuasiIdentifiers, x.rec.Known], x.rec.SubjectId, x.rec.Sensitive)));

    [Fact]
    public void An_earlier_release_that_split_a_class_is_held_to_k_jointly()
    {
        // 60 people share every released value; an earlier release told them apart by therapist, 5 per therapist.
        var concerns = new[] { "low_desire", "erectile", "vaginismus" };
        var records = Enumerable.Range(0, 60).Select(i => new DisclosureRecord($"r{i}", $"p{i}",
            ["25-34", "woman", "heterosexual", "A", "individual", "2025-Q1"], concerns[i % 3], Known: $"therapist-{i / 5}")).ToList();
        var options = new DisclosureOptions(K: 11, L: 2, MaxSuppression: 0.05);

        var alone = DisclosureEngine.Anonymise(Qis, records.Select(r => r with { Known = "" }).ToList(), options);
        Assert.True(alone.Succeeded);
        Assert.Equal(0, alone.SuppressedRecords);

        // Every joint class has 5 people and generalising this release cannot merge them: nothing can be released.
        var jointly = DisclosureEngine.Anonymise(Qis, records, options);
        Assert.False(jointly.Succeeded);
        Assert.Contains("earlier releases", jointly.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Joint_classes_of_a_release_hold_k_and_l_and_are_reported()
    {
        var episodes = SyntheticRecords.Episodes(3000, seed: 9);
        // The earlier release kept the ten-year age band and the site; this one may choose anything.
        var records = episodes.Select(e => new DisclosureRecord(e.EpisodeRef, e.EpisodeRef,
            [e.AgeBand, e.GenderIdentity, e.SexualOrientation, e.SiteId, e.Format, ExportHierarchies.QuarterOf(e.IntakeMonth)],
            e.PresentingConcern, Known: e.AgeBand + "|" + e.SiteId)).ToList();
        var options = new DisclosureOptions(K: 11, L: 2, MaxSuppression: 0.05);

        var result = DisclosureEngine.Anonymise(Qis, records, options);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.All(JointClasses(result, records), c =>
        {
            Assert.True(c.Subjects >= 11, $"a joint class has {c.Subjects} people");
            Assert.True(c.DistinctSensitive >= 2);
        });
        Assert.True(result.JointFigures.KAchieved >= 11);
        Assert.True(result.Figures.KAchieved >= result.JointFigures.KAchieved);
    }
}
