using Microsoft.Extensions.Time.Testing;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>
/// A dataset small enough to work out by hand; every figure asserted below is derived in the comments.
///
/// SAT (higher is better, S_diff = 9 × sqrt(0.32) = 5.0911688, so reliable change needs |Δ| ≥ 1.96 × 5.0911688 = 9.9787;
/// clinical range: below 36). Baseline at session 0 (day 0), final at session 8 (day 56):
///
///   episode  concern               approach     end        baseline  final   Δ     RC       clinical  recovered  rel.rec.
///   E1       low_desire            cbt          completed  28        40      +12   +2.357   yes       yes        yes
///   E2       low_desire            cbt          completed  34        38      +4    +0.786   yes       yes        no
///   E3       low_desire            cbt          dropout    40        52      +12   +2.357   no        –          –
///   E4       low_desire            mindfulness  completed  24        40      +16   +3.143   yes       yes        yes
///   E5       low_desire            mindfulness  ongoing    38        26      −12   −2.357   no        –          –      (deteriorated)
///   E6       low_desire            mindfulness  completed  32        34      +2    +0.393   yes       no         no
///   E7       low_desire            mindfulness  completed  45        –       (one valid administration: unpaired)
///   E8       erectile_dysfunction  cbt          completed  30        41      +11   +2.161   yes       yes        yes
///
/// Extras that must not count: E1 has an invalid SAT administration at session 4; E5 a valid one at
/// session 4 (score 30: neither baseline nor final, but in the trajectory); E9 (low_desire, cbt) has
/// only an invalid administration, so it is in no group at all.
/// </summary>
public sealed class HandComputedDatasetTests
{
    public static SeedData Dataset() => HandComputedDataset.Build();

    private static AggregateRow Row(AggregateFigures f, string concern, string approach, string population = "all") =>
        f.Aggregates.Single(r => r.Instrument == "SAT" && r.PresentingConcern == concern && r.Approach == approach && r.Population == population);

    [Fact]
    public void Low_desire_with_cbt()
    {
        var row = Row(Dataset().Compute(minCell: 1), "low_desire", "cbt");
        // E1, E2, E3 (E9 has no valid administration). Baselines 28, 34, 40: mean 34, Σ(x − 34)² = 36 + 0 + 36 = 72,
        // s² = 72/2 = 36, s = 6. Finals 40, 38, 52: mean 130/3 = 43.333…, Σ(y − ȳ)² = 344/3, s² = 172/3, s = 7.5719…
        // Changes 12, 4, 12: mean 28/3 = 9.333…, Σ(c − c̄)² = 128/3, s² = 64/3, s = 4.6188…
        // Sxy = (−6)(40 − 130/3) + 0 + 6(52 − 130/3) = 20 + 52 = 72, r = 72 / sqrt(72 × 344/3) = sqrt(27/43) = 0.792405815…
        // d = (130/3 − 34) / 6 = 14/9, J = 1 − 3/(4×2 − 1) = 4/7, g = 8/9 = 0.888…
        // CI: 8/9 ± 1.96 sqrt(2(1 − r)/3 + (64/81)/6) = 8/9 ± 1.96 × sqrt(0.270083366) = −0.12971420 … 1.90749198.
        // Reliably improved E1, E3 (2 of 3 = 66.67%); deteriorated none (0.0); clinical baseline E1, E2 (2);
        // recovered E1, E2 (2 of 2 = 100%); reliably recovered E1 (1 of 2 = 50%).
        Assert.Equal(3, row.NEpisodes);
        Assert.Equal(3, row.NPaired);
        Assert.Equal(34.0, row.BaselineMean);
        Assert.Equal(6.0, row.BaselineSd);
        Assert.Equal(130.0 / 3, row.FinalMean!.Value, 13);
        Assert.Equal(Math.Sqrt(172.0 / 3), row.FinalSd!.Value, 13);
        Assert.Equal(28.0 / 3, row.ChangeMean!.Value, 13);
        Assert.Equal(Math.Sqrt(64.0 / 3), row.ChangeSd!.Value, 13);
        Assert.Equal(Math.Sqrt(27.0 / 43), row.RPrePost!.Value, 14);
        Assert.Equal(8.0 / 9, row.EffectSizeG!.Value, 14);
        Assert.Equal(-0.1297142023868607, row.GCiLow!.Value, 12);
        Assert.Equal(1.9074919801646384, row.GCiHigh!.Value, 12);
        Assert.Equal(2, row.NReliablyImproved);
        Assert.Equal(200.0 / 3, row.PctReliablyImproved!.Value, 12);
        Assert.Equal(0, row.NReliablyDeteriorated);
        Assert.Equal(0.0, row.PctReliablyDeteriorated);
        Assert.Equal(2, row.NClinicalBaseline);
        Assert.Equal(2, row.NRecovered);
        Assert.Equal(100.0, row.PctRecovered);
        Assert.Equal(1, row.NReliablyRecovered);
        Assert.Equal(50.0, row.PctReliablyRecovered);
        Assert.False(row.Suppressed);
    }

    [Fact]
    public void Low_desire_with_mindfulness_counts_the_unpaired_episode_only_in_n_episodes()
    {
        var row = Row(Dataset().Compute(minCell: 1), "low_desire", "mindfulness");
        // E4, E5, E6 paired, E7 unpaired → n_episodes 4, n_paired 3. E5's final is session 8 (26), not session 4.
        // Baselines 24, 38, 32: mean 94/3, s² = (296/3)/2 = 148/3. Finals 40, 26, 34: mean 100/3, s² = 148/3.
        // Changes 16, −12, 2: mean 2, s² = (196 + 196 + 0)/2 = 196, s = 14.
        // Sxy = −292/3, r = (−292/3) / (296/3) = −73/74 = −0.98648648…
        // d = (100/3 − 94/3) / sqrt(148/3) = 2 / 7.023769 = 0.2847474, g = 4/7 × d = 0.1627128.
        // Improved E4 (1/3), deteriorated E5 (1/3); clinical E4, E6; recovered E4 (50%); reliably recovered E4 (50%).
        Assert.Equal(4, row.NEpisodes);
        Assert.Equal(3, row.NPaired);
        Assert.Equal(94.0 / 3, row.BaselineMean!.Value, 13);
        Assert.Equal(Math.Sqrt(148.0 / 3), row.BaselineSd!.Value, 13);
        Assert.Equal(100.0 / 3, row.FinalMean!.Value, 13);
        Assert.Equal(2.0, row.ChangeMean);
        Assert.Equal(14.0, row.ChangeSd);
        Assert.Equal(-73.0 / 74, row.RPrePost!.Value, 14);
        Assert.Equal(4.0 / 7 * 2 / Math.Sqrt(148.0 / 3), row.EffectSizeG!.Value, 14);
        Assert.Equal(1, row.NReliablyImproved);
        Assert.Equal(1, row.NReliablyDeteriorated);
        Assert.Equal(100.0 / 3, row.PctReliablyDeteriorated!.Value, 12);
        Assert.Equal(2, row.NClinicalBaseline);
        Assert.Equal(1, row.NRecovered);
        Assert.Equal(50.0, row.PctRecovered);
    }

    [Fact]
    public void Roll_ups_over_approaches_and_concerns()
    {
        var f = Dataset().Compute(minCell: 1);
        // low_desire, all approaches: 6 paired (E1–E6) + E7 → n_episodes 7. Baselines sum 196, mean 98/3;
        // Σ(x − x̄)² = 544/3, s² = 544/15. Finals sum 230, mean 115/3. Sxy = 44/3, Syy = 1090/3,
        // r = (44/3) / sqrt(544/3 × 1090/3) = 44 / sqrt(592960) = 0.05713997. J = 1 − 3/19 = 16/19.
        var ld = Row(f, "low_desire", "all");
        Assert.Equal(7, ld.NEpisodes);
        Assert.Equal(6, ld.NPaired);
        Assert.Equal(98.0 / 3, ld.BaselineMean!.Value, 13);
        Assert.Equal(Math.Sqrt(544.0 / 15), ld.BaselineSd!.Value, 13);
        Assert.Equal(44 / Math.Sqrt(592960), ld.RPrePost!.Value, 14);
        Assert.Equal(16.0 / 19 * (115.0 / 3 - 98.0 / 3) / Math.Sqrt(544.0 / 15), ld.EffectSizeG!.Value, 13);
        Assert.Equal(3, ld.NReliablyImproved);   // E1, E3, E4
        Assert.Equal(1, ld.NReliablyDeteriorated); // E5

        // all concerns, cbt: E1, E2, E3, E8 → baselines 28, 34, 40, 30 (mean 33, s² = 84/3 = 28);
        // finals 40, 38, 52, 41 (mean 171/4); Sxy = 79, Syy = 475/4 → r = 79 / sqrt(84 × 475/4) = 79 / sqrt(9975).
        var cbt = Row(f, "all", "cbt");
        Assert.Equal(4, cbt.NPaired);
        Assert.Equal(33.0, cbt.BaselineMean);
        Assert.Equal(Math.Sqrt(28), cbt.BaselineSd!.Value, 14);
        Assert.Equal(171.0 / 4, cbt.FinalMean);
        Assert.Equal(79 / Math.Sqrt(9975), cbt.RPrePost!.Value, 14);
        Assert.Equal(3, cbt.NReliablyImproved);  // E1, E3, E8
        Assert.Equal(3, cbt.NClinicalBaseline);  // E1, E2, E8
        Assert.Equal(3, cbt.NRecovered);

        // Everything: 7 paired, 8 episodes.
        var all = Row(f, "all", "all");
        Assert.Equal(8, all.NEpisodes);
        Assert.Equal(7, all.NPaired);
    }

    [Fact]
    public void Completed_population_and_figures_that_cannot_be_computed()
    {
        var f = Dataset().Compute(minCell: 1);
        // low_desire/cbt completed: E1, E2 only (E3 dropped out). n = 2: means and SDs yes, r = −1
        // (two points: (28,40), (34,38): Sxy = −6, Sxx = 18, Syy = 2 → −6/sqrt(36)), g no (needs n ≥ 3), so no CI.
        var c = Row(f, "low_desire", "cbt", "completed");
        Assert.Equal(2, c.NPaired);
        Assert.Equal(31.0, c.BaselineMean);
        Assert.Equal(Math.Sqrt(18), c.BaselineSd!.Value, 14);
        Assert.Equal(-1.0, c.RPrePost);
        Assert.Null(c.EffectSizeG);
        Assert.Null(c.GCiLow);
        Assert.Null(c.GCiHigh);
        // erectile_dysfunction/cbt: one paired episode: no SDs, no r; counts and percentages still there.
        var ed = Row(f, "erectile_dysfunction", "cbt");
        Assert.Equal(1, ed.NPaired);
        Assert.Equal(30.0, ed.BaselineMean);
        Assert.Null(ed.BaselineSd);
        Assert.Null(ed.FinalSd);
        Assert.Null(ed.ChangeSd);
        Assert.Null(ed.RPrePost);
        Assert.Equal(100.0, ed.PctReliablyImproved);
        // low_desire/mindfulness completed: E4, E6 paired, E7 unpaired; E5 (ongoing) is only in population all.
        var m = Row(f, "low_desire", "mindfulness", "completed");
        Assert.Equal(3, m.NEpisodes);
        Assert.Equal(2, m.NPaired);
        // No row for a population nobody is in: erectile_dysfunction/mindfulness does not exist at all.
        Assert.DoesNotContain(f.Aggregates, r => r.PresentingConcern == "erectile_dysfunction" && r.Approach == "mindfulness");
    }

    [Fact]
    public void Trajectories_by_session()
    {
        var f = Dataset().Compute(minCell: 1);
        TrajectoryRow T(string approach, int session) => f.Trajectories.Single(r => r.PresentingConcern == "low_desire" && r.Approach == approach && r.SessionNumber == session);
        // Session 0, cbt: 28, 34, 40 (E9's invalid administration is not counted): n 3, mean 34, sd 6, CI 34 ± 6.7896392.
        var t = T("cbt", 0);
        Assert.Equal(3, t.N);
        Assert.Equal(34.0, t.Mean);
        Assert.Equal(6.0, t.Sd);
        Assert.Equal(27.21036083433, t.CiLow!.Value, 10);
        // Session 0, all approaches: 28, 34, 40, 24, 38, 32, 45 → n 7, mean 241/7, s² = 1091/21.
        var all = T("all", 0);
        Assert.Equal(7, all.N);
        Assert.Equal(241.0 / 7, all.Mean!.Value, 13);
        Assert.Equal(Math.Sqrt(1091.0 / 21), all.Sd!.Value, 13);
        // Session 4: E1's is invalid; E5's (30) counts: mindfulness n 1 (no sd, no CI), cbt has no row.
        var s4 = T("mindfulness", 4);
        Assert.Equal(1, s4.N);
        Assert.Equal(30.0, s4.Mean);
        Assert.Null(s4.Sd);
        Assert.Null(s4.CiLow);
        Assert.DoesNotContain(f.Trajectories, r => r.PresentingConcern == "low_desire" && r.Approach == "cbt" && r.SessionNumber == 4);
        // Concerns are never rolled up in trajectories.
        Assert.DoesNotContain(f.Trajectories, r => r.PresentingConcern == "all");
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Dialects), MemberType = typeof(TestStores))]
    public async Task The_store_path_gives_the_same_rows_as_the_in_memory_path(Dialect dialect)
    {
        using var folder = new TempFolder();
        await using var store = await Store.OpenAsync(TestStores.NewLocation(dialect, folder));
        await StoreSeeder.SeedAsync(store, Dataset());
        var run = await AggregateStage.RunAsync(store, Catalog.Default, 1, null, new FakeTimeProvider(DateTimeOffset.UnixEpoch), default);
        var memory = Dataset().Compute(minCell: 1);
        Assert.Equal(memory.Aggregates, run.Aggregates);
        Assert.Equal(memory.Trajectories, run.Trajectories);
        Assert.Equal(memory.Trends, run.Trends);
    }
}
