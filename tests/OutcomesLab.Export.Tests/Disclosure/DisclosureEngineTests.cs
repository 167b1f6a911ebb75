using OutcomesLab.Domain;
using OutcomesLab.Export.Disclosure;
using Xunit;

namespace OutcomesLab.Export.Tests.Disclosure;

public sealed class DisclosureEngineTests
{
    private static readonly IReadOnlyList<QuasiIdentifier> Qis = ExportHierarchies.For(withTherapist: false);

    private static DisclosureRecord RecordOf(EpisodeInfo e, string? person = null) =>
        new(e.EpisodeRef, person ?? e.EpisodeRef,
            [e.AgeBand, e.GenderIdentity, e.SexualOrientation, e.SiteId, e.Format, ExportHierarchies.QuarterOf(e.IntakeMonth)],
            e.PresentingConcern);

    private static void AssertTargetsHold(DisclosureResult result, IReadOnlyList<DisclosureRecord> records, DisclosureOptions options)
    {
        Assert.True(result.Succeeded, result.FailureReason);
        var kept = result.Records.Select((r, i) => (r, rec: records[i])).Where(x => x.r.Fate != RecordFate.Withheld)
            .Select(x => (x.r.QuasiIdentifiers, x.rec.SubjectId, x.rec.Sensitive)).ToList();
        foreach (var c in DisclosureCheck.Classes(kept))
        {
            Assert.True(c.Subjects >= options.K, $"class [{string.Join(", ", c.Key)}] has {c.Subjects} people");
            Assert.True(c.DistinctSensitive >= options.L, $"class [{string.Join(", ", c.Key)}] has {c.DistinctSensitive} concerns");
        }
        Assert.True(result.SuppressedRecords <= options.SuppressionBudget(records.Count));
        Assert.True(result.Figures.Risk.Highest <= 1.0 / options.K + 1e-12);
    }

    [Theory]
    [InlineData(1, 3000)]
    [InlineData(2, 3000)]
    [InlineData(3, 800)]
    [InlineData(4, 250)]
    public void Every_released_class_holds_k_people_and_l_concerns(int seed, int count)
    {
        var records = SyntheticRecords.Episodes(count, seed).Select(e => RecordOf(e)).ToList();
        var options = new DisclosureOptions(K: 11, L: 2, MaxSuppression: 0.05);

        var result = DisclosureEngine.Anonymise(Qis, records, options);

        AssertTargetsHold(result, records, options);
        Assert.Equal(3 * 3 * 3 * 2 * 2 * 3, result.NodesEvaluated);
    }

    [Fact]
    public void A_unique_rare_combination_is_generalised_or_suppressed()
    {
        var episodes = SyntheticRecords.Episodes(3000, seed: 7);
        // One nonbinary asexual person aged 75-89 at a site nobody else attends: unique in the raw data.
        var rare = episodes[0] with
        {
            EpisodeRef = "stored-rare", AgeBand = "75-89", GenderIdentity = "nonbinary", SexualOrientation = "asexual", SiteId = "site-remote",
        };
        var records = episodes.Skip(1).Append(rare).Select(e => RecordOf(e)).ToList();
        var raw = DisclosureCheck.Classes(records.Select(r => (r.QuasiIdentifiers, r.SubjectId, r.Sensitive)));
        Assert.Contains(raw, c => c.Key.SequenceEqual(records[^1].QuasiIdentifiers) && c.Subjects == 1);

        var options = new DisclosureOptions();
        var result = DisclosureEngine.Anonymise(Qis, records, options);

        AssertTargetsHold(result, records, options);
        var released = result.Records.Single(r => r.RecordId == "stored-rare");
        Assert.NotEqual(records[^1].QuasiIdentifiers, released.QuasiIdentifiers);
        Assert.DoesNotContain("site-remote", released.QuasiIdentifiers);
        Assert.DoesNotContain("nonbinary", released.QuasiIdentifiers);
        Assert.DoesNotContain("asexual", released.QuasiIdentifiers);
        if (released.Fate == RecordFate.Released)
        {
            // Still out there: then among at least k people with at least two concerns.
            var kept = result.Records.Select((r, i) => (r, i)).Where(x => x.r.Fate != RecordFate.Withheld)
                .Select(x => (x.r.QuasiIdentifiers, records[x.i].SubjectId, records[x.i].Sensitive));
            var own = DisclosureCheck.Classes(kept).Single(c => c.Key.SequenceEqual(released.QuasiIdentifiers));
            Assert.True(own.Subjects >= 11);
        }
    }

    [Fact]
    public void A_homogeneous_class_fails_l_diversity_and_is_fixed_by_generalising()
    {
        // Four sites of 100 identical-looking clients; at site D every one has the same concern, so an
        // intruder who knows someone was treated at D learns their concern from the raw data.
        var records = new List<DisclosureRecord>();
        var concerns = Catalog.Default.PresentingConcerns;
        foreach (var site in new[] { "A", "B", "C", "D" })
            for (var i = 0; i < 100; i++)
                records.Add(new DisclosureRecord($"{site}{i}", $"{site}{i}", ["25-34", "woman", "heterosexual", site, "individual", "2025-Q1"],
                    site == "D" ? "sexual_trauma" : concerns[i % concerns.Count]));
        var raw = DisclosureCheck.Classes(records.Select(r => (r.QuasiIdentifiers, r.SubjectId, r.Sensitive)));
        Assert.Equal(1, raw.Single(c => c.Key[3] == "D").DistinctSensitive);

        var options = new DisclosureOptions(K: 11, L: 2, MaxSuppression: 0.05);
        var result = DisclosureEngine.Anonymise(Qis, records, options);

        AssertTargetsHold(result, records, options);
        // Suppressing site D (25%) is over the limit, so the site is generalised away.
        Assert.Equal(1, result.Levels[3]);
        Assert.Equal(0, result.SuppressedRecords);
        Assert.All(result.Records, r => Assert.Equal("*", r.QuasiIdentifiers[3]));
        Assert.Equal([0, 0, 0, 1, 0, 0], result.Levels);
    }

    [Fact]
    public void A_small_homogeneous_class_is_suppressed_when_within_the_limit()
    {
        var records = new List<DisclosureRecord>();
        var concerns = Catalog.Default.PresentingConcerns;
        foreach (var site in new[] { "A", "B", "C" })
            for (var i = 0; i < 200; i++)
                records.Add(new DisclosureRecord($"{site}{i}", $"{site}{i}", ["25-34", "woman", "heterosexual", site, "individual", "2025-Q1"],
                    concerns[i % concerns.Count]));
        // Two small sites, each homogeneous: everyone at D has one concern, everyone at E another.
        for (var i = 0; i < 12; i++)
        {
            records.Add(new DisclosureRecord($"D{i}", $"D{i}", ["25-34", "woman", "heterosexual", "D", "individual", "2025-Q1"], "sexual_trauma"));
            records.Add(new DisclosureRecord($"E{i}", $"E{i}", ["25-34", "woman", "heterosexual", "E", "individual", "2025-Q1"], "low_desire"));
        }

        var options = new DisclosureOptions(K: 11, L: 2, MaxSuppression: 0.05);
        var result = DisclosureEngine.Anonymise(Qis, records, options);

        AssertTargetsHold(result, records, options);
        // 24 of 624 (3.8%) fit the 5% budget and lose less than generalising every site away; together
        // the suppressed records are 24 people with two concerns, so they stay (as all-* rows).
        Assert.Equal(24, result.SuppressedRecords);
        Assert.All(result.Records.Where(r => r.RecordId[0] is 'D' or 'E'), r =>
        {
            Assert.Equal(RecordFate.Suppressed, r.Fate);
            Assert.All(r.QuasiIdentifiers, v => Assert.Equal("*", v));
        });
        Assert.Equal([0, 0, 0, 0, 0, 0], result.Levels);
        Assert.Equal(0, result.WithheldRecords);
    }

    [Fact]
    public void Suppressed_records_too_few_to_hide_among_each_other_are_withheld()
    {
        var records = new List<DisclosureRecord>();
        var concerns = Catalog.Default.PresentingConcerns;
        foreach (var site in new[] { "A", "B", "C" })
            for (var i = 0; i < 200; i++)
                records.Add(new DisclosureRecord($"{site}{i}", $"{site}{i}", ["25-34", "woman", "heterosexual", site, "individual", "2025-Q1"],
                    concerns[i % concerns.Count]));
        for (var i = 0; i < 5; i++)
            records.Add(new DisclosureRecord($"D{i}", $"D{i}", ["25-34", "woman", "heterosexual", "D", "individual", "2025-Q1"], concerns[i]));

        var options = new DisclosureOptions();
        var result = DisclosureEngine.Anonymise(Qis, records, options);

        AssertTargetsHold(result, records, options);
        Assert.Equal(5, result.SuppressedRecords);
        Assert.Equal(5, result.WithheldRecords);
        Assert.All(result.Records.Where(r => r.RecordId.StartsWith('D')), r => Assert.Equal(RecordFate.Withheld, r.Fate));
        Assert.Equal(600, result.Figures.Records);
    }

    [Fact]
    public void k_counts_people_not_episodes()
    {
        // Twelve episodes of six people look alike: twelve rows, but only six people to hide among.
        var records = new List<DisclosureRecord>();
        var concerns = Catalog.Default.PresentingConcerns;
        for (var i = 0; i < 400; i++)
            records.Add(new DisclosureRecord($"A{i}", $"A{i}", ["25-34", "woman", "heterosexual", "A", "individual", "2025-Q1"], concerns[i % concerns.Count]));
        for (var i = 0; i < 12; i++)
            records.Add(new DisclosureRecord($"B{i}", $"person{i / 2}", ["25-34", "woman", "heterosexual", "B", "individual", "2025-Q1"], concerns[i % concerns.Count]));

        var result = DisclosureEngine.Anonymise(Qis, records, new DisclosureOptions());

        Assert.True(result.Succeeded);
        Assert.All(result.Records.Where(r => r.RecordId.StartsWith('B')), r => Assert.NotEqual(RecordFate.Released, r.Fate));
    }

    [Fact]
    public void Fewer_people_than_k_is_refused_with_a_reason()
    {
        var records = SyntheticRecords.Episodes(8, seed: 1).Select(e => RecordOf(e)).ToList();
        var result = DisclosureEngine.Anonymise(Qis, records, new DisclosureOptions());
        Assert.False(result.Succeeded);
        Assert.Contains("fewer than 11 people", result.FailureReason);
        Assert.DoesNotContain("8", result.FailureReason); // the count itself is a figure below min_cell
    }

    [Fact]
    public void A_single_concern_is_refused_for_l_diversity()
    {
        var records = SyntheticRecords.Episodes(200, seed: 1).Select(e => RecordOf(e with { PresentingConcern = "low_desire" })).ToList();
        var result = DisclosureEngine.Anonymise(Qis, records, new DisclosureOptions());
        Assert.False(result.Succeeded);
        Assert.Contains("ℓ = 2", result.FailureReason);
    }

    [Fact]
    public void Zero_suppression_limit_is_honoured()
    {
        var records = SyntheticRecords.Episodes(1500, seed: 5).Select(e => RecordOf(e)).ToList();
        var options = new DisclosureOptions(MaxSuppression: 0);
        var result = DisclosureEngine.Anonymise(Qis, records, options);
        AssertTargetsHold(result, records, options);
        Assert.Equal(0, result.SuppressedRecords);
    }

    [Fact]
    public void The_same_input_gives_the_same_release()
    {
        var records = SyntheticRecords.Episodes(1000, seed: 9).Select(e => RecordOf(e)).ToList();
        var a = DisclosureEngine.Anonymise(Qis, records, new DisclosureOptions());
        var b = DisclosureEngine.Anonymise(Qis, records, new DisclosureOptions());
        Assert.Equal(a.Levels, b.Levels);
        Assert.Equal(a.Records.Select(r => string.Join("|", r.QuasiIdentifiers)), b.Records.Select(r => string.Join("|", r.QuasiIdentifiers)));
    }

    [Fact]
    public void The_chosen_node_loses_least_among_nodes_meeting_the_targets()
    {
        var records = SyntheticRecords.Episodes(2000, seed: 11).Select(e => RecordOf(e)).ToList();
        var options = new DisclosureOptions();
        var result = DisclosureEngine.Anonymise(Qis, records, options);
        Assert.True(result.Succeeded);

        // Independently: every node one level less general in one attribute either fails the budget or loses more.
        for (var j = 0; j < Qis.Count; j++)
        {
            if (result.Levels[j] == 0) continue;
            var lower = result.Levels.ToArray();
            lower[j]--;
            var classes = DisclosureCheck.Classes(records.Select(r =>
                ((IReadOnlyList<string>)r.QuasiIdentifiers.Select((v, q) => Qis[q].Hierarchy.Generalise(v, lower[q])).ToArray(), r.SubjectId, r.Sensitive)));
            var failing = classes.Where(c => c.Subjects < 11 || c.DistinctSensitive < 2).Sum(c => c.Records);
            var loss = ((records.Count - failing) * lower.Select((l, q) => (double)l / Qis[q].Hierarchy.Height).Sum() + failing * Qis.Count)
                       / ((double)records.Count * Qis.Count);
            Assert.True(failing > options.SuppressionBudget(records.Count) || loss >= result.InformationLoss - 1e-12,
                $"lowering {Qis[j].Name} meets the targets with less loss");
        }
    }
}
