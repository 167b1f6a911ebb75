using OutcomesLab.Domain;
using OutcomesLab.Quality.Comparison;

namespace OutcomesLab.Quality.Tests;

/// <summary>
/// Adversarial tests of the therapist and site tables: whatever a reader adds or subtracts — rows of
/// either table, the practice total, the "other" pool — no set of fewer than min_cell people may
/// come out. <see cref="Adversary"/> searches every combination by brute force.
/// </summary>
public class DifferencingTests
{
    private const int MinCell = 11;
    private static readonly Instrument Sat = Catalog.Default.Instruments["SAT"];

    private static void Add(PracticeBuilder b, string therapist, string site, int paired, int unpaired = 0, string endReason = "completed")
    {
        for (var i = 0; i < paired + unpaired; i++)
        {
            var e = b.Episode(therapist, site: site, endReason: endReason);
            if (i < paired) b.Series(e, "SAT", (0, 30), (8, 30 + i % 14));
            else b.Series(e, "SAT", (0, 30));
        }
    }

    // Every row a reader sees, as the paired episodes (or all episodes) it counts.
    private static List<IReadOnlySet<string>> Released(UnitComparison c, IReadOnlyList<EpisodeOutcome> outcomes, Func<EpisodeInfo, string> unitOf, bool pairedOnly)
    {
        var mine = outcomes.Where(o => o.Instrument == c.Instrument && (!pairedOnly || o.Paired)).ToList();
        var alone = c.Rows.Select(r => r.Unit).Where(u => u != SmallUnitPooling.Other).ToHashSet();
        return c.Rows.Select(r => (IReadOnlySet<string>)mine
            .Where(o => r.Unit == SmallUnitPooling.Other ? !alone.Contains(unitOf(o.Episode)) : unitOf(o.Episode) == r.Unit)
            .Select(o => o.Episode.EpisodeRef).ToHashSet()).ToList();
    }

    private static int? Leak(QiInput input)
    {
        var (therapists, sites) = UnitComparer.Compare(Sat, input.Outcomes, MinCell);
        Assert.Equal(therapists.PracticeShown, sites.PracticeShown);
        if (!therapists.PracticeShown) return null;
        int? smallest = null;
        foreach (var pairedOnly in new[] { true, false })
        {
            var rows = Released(therapists, input.Outcomes, e => e.TherapistId, pairedOnly)
                .Concat(Released(sites, input.Outcomes, e => e.SiteId, pairedOnly)).ToList();
            if (Adversary.SmallestRecoverable(rows, MinCell) is { } n) smallest = Math.Min(smallest ?? n, n);
        }
        return smallest;
    }

    [Fact]
    public void One_tiny_therapist_in_a_practice_is_never_named_nor_recoverable()
    {
        var b = new PracticeBuilder();
        Add(b, "TA", "S1", 30);
        Add(b, "TB", "S1", 25);
        Add(b, "TTINY", "S1", 4);
        var input = b.Build();

        var (therapists, _) = UnitComparer.Compare(Sat, input.Outcomes, MinCell);
        Assert.Equal(["TA", "other"], therapists.Rows.Select(r => r.Unit));   // 4 alone is a small pool: TB joins it
        Assert.Equal(29, therapists.Rows[1].Paired);
        Assert.Null(Leak(input));
    }

    [Fact]
    public void A_tiny_therapist_alone_in_other_takes_the_next_smallest_with_it()
    {
        var b = new PracticeBuilder();
        Add(b, "TA", "S1", 30);
        Add(b, "TB", "S1", 12);
        Add(b, "TC", "S1", 40);
        Add(b, "TTINY", "S1", 5);
        var input = b.Build();

        var (therapists, _) = UnitComparer.Compare(Sat, input.Outcomes, MinCell);
        Assert.Equal(["TA", "TC", "other"], therapists.Rows.Select(r => r.Unit));
        // practice − shown rows = the pool, which holds TB as well: 17, not TTINY's 5.
        Assert.Equal(therapists.Practice.Paired - 30 - 40, therapists.Rows[2].Paired);
        Assert.Equal(17, therapists.Rows[2].Paired);
        Assert.Null(Leak(input));
    }

    [Fact]
    public void A_site_with_one_large_and_one_tiny_therapist_does_not_reveal_the_tiny_one()
    {
        var b = new PracticeBuilder();
        Add(b, "TA", "S1", 30);
        Add(b, "TTINY", "S1", 4);
        Add(b, "TB", "S2", 30);
        Add(b, "TC", "S2", 25);
        Add(b, "TSMALL", "S2", 9);
        var input = b.Build();

        // Each table pooled on its own shows TA and S1, and S1 − TA is TTINY's 4 episodes.
        var outcomes = input.Outcomes.Where(o => o.Paired).ToList();
        var naiveTherapists = SmallUnitPooling.Plan(outcomes.GroupBy(o => o.Episode.TherapistId).ToDictionary(g => g.Key, g => g.Count()), MinCell);
        Assert.Equal(["TA", "TB", "TC", "other"], naiveTherapists.ShownRows);
        var naive = naiveTherapists.ShownRows
            .Select(r => (IReadOnlySet<string>)outcomes.Where(o => naiveTherapists.RowOf(o.Episode.TherapistId) == r).Select(o => o.Episode.EpisodeRef).ToHashSet())
            .Concat(new[] { "S1", "S2" }.Select(s => (IReadOnlySet<string>)outcomes.Where(o => o.Episode.SiteId == s).Select(o => o.Episode.EpisodeRef).ToHashSet()))
            .ToList();
        Assert.Equal(4, Adversary.SmallestRecoverable(naive, MinCell));

        var (therapists, sites) = UnitComparer.Compare(Sat, input.Outcomes, MinCell);
        Assert.Equal(["S1", "S2"], sites.Rows.Select(r => r.Unit));
        Assert.DoesNotContain("TA", therapists.Rows.Select(r => r.Unit));
        Assert.DoesNotContain(therapists.Rows, r => r.Unit.Contains("TINY", StringComparison.Ordinal) || r.Unit == "TSMALL");
        Assert.Null(Leak(input));
    }

    [Fact]
    public void A_therapist_with_a_few_episodes_at_a_second_site_does_not_reveal_them()
    {
        var b = new PracticeBuilder();
        Add(b, "TA", "S1", 30);
        Add(b, "TA", "S2", 3);
        Add(b, "TB", "S1", 20);
        Add(b, "TC", "S2", 25);
        Add(b, "TD", "S2", 20);
        var input = b.Build();
        // S2 − TC − TD would be TA's 3 episodes at S2.
        Assert.Null(Leak(input));
        var (therapists, sites) = UnitComparer.Compare(Sat, input.Outcomes, MinCell);
        Assert.NotEmpty(therapists.Rows);
        Assert.NotEmpty(sites.Rows);
    }

    [Fact]
    public void Unpaired_episodes_are_protected_too()
    {
        // Every therapist has min_cell paired episodes, but TB's 3 unpaired ones sit alone at S2.
        var b = new PracticeBuilder();
        Add(b, "TA", "S1", 20);
        Add(b, "TB", "S1", 20);
        Add(b, "TB", "S2", 0, unpaired: 3);
        Add(b, "TC", "S2", 20);
        Assert.Null(Leak(b.Build()));
    }

    [Fact]
    public void No_random_practice_lets_a_reader_isolate_a_small_group()
    {
        for (var seed = 1; seed <= 15; seed++)
        {
            var rng = new Random(seed);
            var b = new PracticeBuilder();
            var sites = Enumerable.Range(1, 2 + rng.Next(2)).Select(s => $"S{s}").ToList();
            for (var t = 0; t < 3 + rng.Next(3); t++)
            {
                var home = sites[rng.Next(sites.Count)];
                Add(b, $"T{t}", home, paired: rng.Next(1, 30), unpaired: rng.Next(3), endReason: rng.Next(4) == 0 ? "dropout" : "completed");
                if (rng.Next(3) == 0) Add(b, $"T{t}", sites[rng.Next(sites.Count)], paired: rng.Next(1, 8));
            }
            var input = b.Build();
            Assert.True(Leak(input) is null, $"seed {seed}: a combination of rows isolates {Leak(input)} people");
            AssertEngagementSafe(input, seed);
        }
    }

    private static void AssertEngagementSafe(QiInput input, int seed)
    {
        var (therapists, sites) = EngagementComparer.Compare(input.Episodes, new Dictionary<string, double>(), hasAlliance: false, MinCell);
        if (!therapists.PracticeShown) return;
        foreach (var counted in new Func<EpisodeInfo, bool>[] { _ => true, e => e.EndReason != EpisodeStatus.Ongoing })
        {
            List<IReadOnlySet<string>> Rows(EngagementTable t, Func<EpisodeInfo, string> unitOf)
            {
                var alone = t.Rows.Select(r => r.Unit).Where(u => u != SmallUnitPooling.Other).ToHashSet();
                return t.Rows.Select(r => (IReadOnlySet<string>)input.Episodes.Where(counted)
                    .Where(e => r.Unit == SmallUnitPooling.Other ? !alone.Contains(unitOf(e)) : unitOf(e) == r.Unit)
                    .Select(e => e.EpisodeRef).ToHashSet()).ToList();
            }
            var rows = Rows(therapists, e => e.TherapistId).Concat(Rows(sites, e => e.SiteId)).ToList();
            Assert.True(Adversary.SmallestRecoverable(rows, MinCell) is null, $"seed {seed}: engagement rows isolate a small group");
        }
    }

    [Fact]
    public void The_audit_finds_the_cut_a_site_minus_its_large_therapist_reveals()
    {
        var cut = DifferencingAudit.SmallestRevealedCut(
            [new("TA", "S1", 30), new("other", "S1", 4), new("other", "S2", 9), new("TB", "S2", 30), new("TC", "S2", 25)], MinCell);
        Assert.NotNull(cut);
        Assert.Equal(4, cut.People);
        var side = cut.Side.Contains(new TableRow(TableSide.B, "S1")) ? cut.Side : cut.Rest;
        Assert.Equal(new HashSet<TableRow> { new(TableSide.A, "TA"), new(TableSide.B, "S1") }, side.ToHashSet());

        Assert.Null(DifferencingAudit.SmallestRevealedCut([new("TA", "S1", 30), new("other", "S1", 14), new("other", "S2", 30)], MinCell));
    }
}

/// <summary>The page's alert figures: alerts.csv lists every alert, but the page counts them only over min_cell active episodes.</summary>
public class AlertCountTests
{
    [Fact]
    public void A_practice_with_few_active_episodes_gets_no_alert_counts_on_the_page()
    {
        var b = new PracticeBuilder();
        for (var i = 0; i < 20; i++) b.Series(b.Episode("TA"), "SAT", (0, 30), (8, 40));
        for (var i = 0; i < 4; i++) b.Series(b.Episode("TA", endReason: "ongoing"), "TRUST", (1, 4.5), (2, 2.0));
        var result = QualityAnalysis.Run(b.Build(), new QiOptions { MinCell = 11 });
        Assert.NotEmpty(result.Alerts);   // the work list still has them
        Assert.Null(result.AlertsPractice);

        var html = Report.QiHtmlReport.Render(result, new Report.QiReportContext(DateTimeOffset.UnixEpoch, null), new Dictionary<string, string>());
        Assert.Contains("Fewer than min_cell active episodes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("with an alert (", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alliance_low)", html, StringComparison.Ordinal);
    }
}
