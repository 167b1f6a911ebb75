using OutcomesLab.Analytics.Aggregation;
using OutcomesLab.Analytics.Suppression;
using OutcomesLab.Domain;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>
/// Small-cell suppression of docs/contracts/metrics.md: primary (n below min_cell), secondary (a
/// line never has exactly one suppressed row), repeated until every line holds; adversarial checks
/// that no suppressed count can be worked back from its total.
/// </summary>
public sealed class SuppressionTests
{
    private static readonly Catalog Catalog = Catalog.Default;

    /// <summary>Figures for SAT where each (concern, approach) has the given number of paired episodes (and optionally unpaired ones).</summary>
    private static AggregateFigures Figures(int minCell, params (string Concern, string Approach, int Paired, int Unpaired)[] cells)
    {
        var builder = new AggregateBuilder(Catalog);
        var trajectories = new TrajectoryBuilder(Catalog);
        foreach (var (concern, approach, paired, unpaired) in cells)
        {
            if (paired > 0)
            {
                builder.Add(new OutcomeCell("SAT", concern, approach, false, "2025-02", 30, 42, paired));
                trajectories.Add(new TrajectoryCell("SAT", concern, approach, 0, 30, paired));
            }
            if (unpaired > 0) builder.Add(new OutcomeCell("SAT", concern, approach, false, "2025-02", 30, null, unpaired));
        }
        return AggregateFigures.Publish(builder, trajectories, minCell);
    }

    private static AggregateRow Row(AggregateFigures f, string concern, string approach) =>
        f.Aggregates.Single(r => r.PresentingConcern == concern && r.Approach == approach && r.Population == "all");

    [Fact]
    public void Primary_suppression_keeps_the_keys_and_empties_every_figure()
    {
        var f = Figures(11, ("low_desire", "cbt", 10, 3), ("low_desire", "mindfulness", 11, 0), ("low_desire", "plissit", 10, 0));
        var cbt = Row(f, "low_desire", "cbt");
        Assert.True(cbt.Suppressed);
        Assert.Equal(("SAT", "low_desire", "cbt", "all"), (cbt.Instrument, cbt.PresentingConcern, cbt.Approach, cbt.Population));
        Assert.Equal(new AggregateRow("SAT", "low_desire", "cbt", "all", null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, true), cbt);
        Assert.False(Row(f, "low_desire", "mindfulness").Suppressed); // exactly min_cell is enough
        Assert.Equal(11, Row(f, "low_desire", "mindfulness").NPaired);
    }

    [Fact]
    public void A_line_with_exactly_one_suppressed_row_gains_the_smallest_other_row()
    {
        // low_desire: cbt 5 (primary), mindfulness 20, plissit 30, all 55. Only cbt → mindfulness (smallest
        // unsuppressed) goes too. Then the concern lines: cbt = {low_desire 5 (s), arousal 40, all 45} gains
        // arousal/cbt (40 < 45); mindfulness = {low_desire 20 (s), arousal 25, all 45} gains arousal/mindfulness.
        // arousal's approach line then has two suppressed rows and holds.
        var f = Figures(11,
            ("low_desire", "cbt", 5, 0), ("low_desire", "mindfulness", 20, 0), ("low_desire", "plissit", 30, 0),
            ("arousal_difficulty", "cbt", 40, 0), ("arousal_difficulty", "mindfulness", 25, 0), ("arousal_difficulty", "plissit", 12, 0));
        var suppressed = f.Aggregates.Where(r => r.Suppressed).Select(r => (r.PresentingConcern, r.Approach)).ToHashSet();
        Assert.Equal(new HashSet<(string, string)>
        {
            ("low_desire", "cbt"), ("low_desire", "mindfulness"), ("arousal_difficulty", "cbt"), ("arousal_difficulty", "mindfulness"),
        }, suppressed);
        AssertNoLineDiscloses(f);
    }

    [Fact]
    public void Secondary_suppression_repeats_until_every_line_holds()
    {
        // Two lines sharing row 2, visited in the order that needs a second pass: L2 = {2, 3, 4} holds at
        // first (nothing suppressed); L1 = {0, 1, 2} has row 0 (count 5) alone → row 2 (20 < 30) goes;
        // now L2 has row 2 alone → second pass suppresses row 3 (50 < 60).
        var counts = new long[] { 5, 30, 20, 50, 60 };
        var result = SuppressionEngine.Run(counts, 11, [[2, 3, 4], [0, 1, 2]]);
        Assert.Equal(new[] { true, false, true, true, false }, result);
    }

    [Fact]
    public void Ties_take_the_first_row_in_published_order()
    {
        var result = SuppressionEngine.Run(new long[] { 3, 20, 20, 43 }, 11, [[0, 1, 2, 3]]);
        Assert.Equal(new[] { true, true, false, false }, result);
    }

    [Fact]
    public void A_lone_suppressed_row_without_paired_episodes_needs_no_partner()
    {
        // As the reference example (expected-min-cell-1: TRUST/erectile_dysfunction/couples_therapy): a row
        // with n_paired = 0 is suppressed, but working it back from its total recovers "nobody".
        var f = Figures(1, ("low_desire", "cbt", 0, 2), ("low_desire", "mindfulness", 3, 0), ("low_desire", "plissit", 4, 0));
        Assert.True(Row(f, "low_desire", "cbt").Suppressed);
        Assert.Single(f.Aggregates, r => r.Suppressed && r.Population == "all" && r.PresentingConcern == "low_desire");
    }

    [Fact]
    public void Trajectory_lines_are_the_approaches_of_one_session()
    {
        // Session 0 of low_desire: cbt 4 (primary), mindfulness 12, plissit 15, all 31 → mindfulness also suppressed.
        var f = Figures(11, ("low_desire", "cbt", 4, 0), ("low_desire", "mindfulness", 12, 0), ("low_desire", "plissit", 15, 0));
        var s = f.Trajectories.Where(r => r.Suppressed).Select(r => r.Approach).ToList();
        Assert.Equal(["cbt", "mindfulness"], s);
        Assert.All(f.Trajectories.Where(r => r.Suppressed), r => Assert.True(r.N is null && r.Mean is null && r.Sd is null && r.CiLow is null && r.CiHigh is null));
    }

    /// <summary>
    /// Adversarial: many random tables (0–30 paired and 0–3 unpaired episodes per cell, 1–5 concerns × 1–6
    /// approaches, both populations, min_cell 5 or 11). An attacker who knows every published row subtracts
    /// the published members of each line from its published total: whatever is left must never single
    /// out one suppressed row that stands for at least one person; and a suppressed total is never the sum
    /// of published members.
    /// </summary>
    [Fact]
    public void No_suppressed_count_can_be_recovered_from_its_all_total()
    {
        var concerns = Catalog.PresentingConcerns;
        var approaches = Catalog.Approaches;
        var random = new Random(20250101);
        var secondaryCases = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var minCell = random.Next(2) == 0 ? 5 : 11;
            var builder = new AggregateBuilder(Catalog);
            var trajectories = new TrajectoryBuilder(Catalog);
            foreach (var concern in concerns.Take(random.Next(1, 6)))
            {
                foreach (var approach in approaches.Take(random.Next(1, 7)))
                {
                    var paired = random.Next(0, 31);
                    var completed = random.Next(0, paired + 1);
                    if (completed > 0) builder.Add(new OutcomeCell("SAT", concern, approach, true, "2025-01", 30, 45, completed));
                    if (paired - completed > 0) builder.Add(new OutcomeCell("SAT", concern, approach, false, "2025-04", 30, 40, paired - completed));
                    var unpaired = random.Next(0, 4);
                    if (unpaired > 0) builder.Add(new OutcomeCell("SAT", concern, approach, false, "2025-01", 30, null, unpaired));
                    if (paired > 0) trajectories.Add(new TrajectoryCell("SAT", concern, approach, 0, 30, paired));
                }
            }
            var raw = builder.AggregateRows();
            var f = AggregateFigures.Publish(builder, trajectories, minCell);
            AssertNoLineDiscloses(f, raw);
            Assert.All(f.Aggregates.Where(r => !r.Suppressed), r => Assert.True(r.NPaired >= minCell));
            secondaryCases += f.Aggregates.Zip(raw).Count(p => p.First.Suppressed && p.Second.NPaired >= minCell);
        }
        Assert.True(secondaryCases > 100, $"the random tables exercised secondary suppression only {secondaryCases} times");
    }

    /// <summary>The attacker's subtraction over every aggregates line (both kinds), with true counts from <paramref name="raw"/>.</summary>
    internal static void AssertNoLineDiscloses(AggregateFigures f, IReadOnlyList<AggregateRow>? raw = null)
    {
        var truth = (raw ?? f.Aggregates).ToDictionary(r => (r.PresentingConcern, r.Approach, r.Population), r => r.NPaired ?? 0);
        var published = f.Aggregates.ToDictionary(r => (r.PresentingConcern, r.Approach, r.Population));
        foreach (var population in new[] { "all", "completed" })
        {
            var rows = f.Aggregates.Where(r => r.Population == population).ToList();
            var lines = rows.GroupBy(r => r.PresentingConcern).Select(g => (Total: (g.Key, "all"), Members: g.Where(r => r.Approach != "all").Select(r => (r.PresentingConcern, r.Approach)).ToList()))
                .Concat(rows.GroupBy(r => r.Approach).Select(g => (Total: ("all", g.Key), Members: g.Where(r => r.PresentingConcern != "all").Select(r => (r.PresentingConcern, r.Approach)).ToList())));
            foreach (var (total, members) in lines)
            {
                var t = published[(total.Item1, total.Item2, population)];
                var hidden = members.Where(m => published[(m.Item1, m.Item2, population)].Suppressed).ToList();
                if (!t.Suppressed && hidden.Count == 1)
                {
                    var recovered = t.NPaired!.Value - members.Where(m => !published[(m.Item1, m.Item2, population)].Suppressed)
                        .Sum(m => published[(m.Item1, m.Item2, population)].NPaired!.Value);
                    Assert.True(raw is null || truth[(hidden[0].Item1, hidden[0].Item2, population)] == recovered, "the attack should reproduce the truth");
                    Assert.True(recovered == 0, $"{population} {hidden[0]}: n_paired {recovered} recoverable from its total {total}");
                }
                if (t.Suppressed && hidden.Count == 0 && raw is not null)
                    Assert.True(truth[(total.Item1, total.Item2, population)] == 0, $"{population} total {total} is the sum of its published members");
            }
        }
    }
}
