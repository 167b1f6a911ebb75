using OutcomesLab.Domain;
using OutcomesLab.Reporting.Charts;
using OutcomesLab.Reporting.Report;
using OutcomesLab.TestSupport;
using ScottPlot.Plottables;
using Xunit;

namespace OutcomesLab.Reporting.Tests;

/// <summary>
/// Privacy: a suppressed group produces no point, bar, band or label in any chart, and no figure in
/// the report — including adversarial rows (a suppressed row that still carries figures, an
/// unsuppressed row below min_cell), which an upstream bug could produce. The tell-tale values
/// 0.777 / 77.7 / 99.9 / 0.666 / 66.6 / 88.8 must never surface.
/// </summary>
public sealed class SuppressionTests
{
    private const string Sat = "SAT";
    private const string Concern = "low_desire";
    private static readonly string[] TellTales = ["0.78", "77.7", "78%", "99.9", "0.67", "66.6", "67%", "88.8"];

    private static AggregateRun Run()
    {
        var aggregates = new List<AggregateRow>();
        foreach (var population in new[] { "all", "completed" })
        {
            aggregates.Add(SampleRuns.Row(Sat, Concern, "cbt", population, 40, g: 0.5, pctImproved: 40, pctDeteriorated: 5));
            aggregates.Add(SampleRuns.SuppressedRow(Sat, Concern, "mindfulness", population));
            // Adversarial: marked suppressed but the figures were left in.
            aggregates.Add(SampleRuns.Row(Sat, Concern, "plissit", population, 50, g: 0.777, pctImproved: 77.7, suppressed: true));
            // Adversarial: not marked, but below min_cell.
            aggregates.Add(SampleRuns.Row(Sat, Concern, "sensate_focus", population, 7, g: 0.666, pctImproved: 66.6));
            aggregates.Add(SampleRuns.Row(Sat, Concern, Codes.All, population, 120, g: 0.45, pctImproved: 35));
        }
        aggregates.Add(SampleRuns.Row(Sat, Concern, "couples_therapy", "all", 30, g: 0.3, pctImproved: 25));
        aggregates.Add(SampleRuns.SuppressedRow(Sat, Concern, "couples_therapy", "completed"));
        // The concern roll-up rows the heatmap shows in its last row.
        aggregates.Add(SampleRuns.Row(Sat, Codes.All, "cbt", "all", 400, g: 0.55));
        aggregates.Add(SampleRuns.SuppressedRow(Sat, Codes.All, "mindfulness", "all"));

        var trajectories = new List<TrajectoryRow>
        {
            new(Sat, Concern, "cbt", 0, 40, 30, 8, 27.5, 32.5, false),
            new(Sat, Concern, "cbt", 1, null, null, null, null, null, true),
            new(Sat, Concern, "cbt", 2, 30, 33, 8, 30.1, 35.9, false),
            new(Sat, Concern, "mindfulness", 0, null, null, null, null, null, true),
            new(Sat, Concern, "plissit", 0, 50, 99.9, 5, 98, 101, true),
            new(Sat, Concern, "sensate_focus", 0, 5, 88.8, 5, 84, 93, false),
            new(Sat, Concern, Codes.All, 0, 120, 31, 8, 29.6, 32.4, false),
            new(Sat, Concern, Codes.All, 2, 90, 34, 8, 32.3, 35.7, false),
        };
        var trends = new List<TrendRow>
        {
            new(Sat, Concern, "cbt", "2025-Q1", 20, 0.4, 0.1, 0.7, 30, false),
            new(Sat, Concern, "cbt", "2025-Q2", null, null, null, null, null, true),
            new(Sat, Concern, "cbt", "2025-Q3", 15, 0.5, 0.1, 0.9, 40, false),
            new(Sat, Concern, "plissit", "2025-Q1", 50, 0.777, 0.5, 1.0, 77.7, true),
            new(Sat, Concern, "sensate_focus", "2025-Q1", 4, 0.666, 0.1, 1.2, 66.6, false),
            new(Sat, Concern, Codes.All, "2025-Q1", 60, 0.4, 0.2, 0.6, 32, false),
        };
        return SampleRuns.Run(aggregates, trajectories, trends);
    }

    private static ChartContext Context() => new(Run(), new ReportNames(TestCatalog.Default));

    private static ChartPlan Plan(IChartRecipe recipe) =>
        recipe.Plan(Context(), new ChartSubject(TestCatalog.Instrument(Sat), recipe is EffectSizeHeatmapChart ? null : Concern))
        ?? throw new InvalidOperationException($"{recipe.Name} drew nothing");

    public static TheoryData<string> Recipes() => new(ChartRecipes.All.Select(r => r.Name));

    [Theory]
    [MemberData(nameof(Recipes))]
    public void No_suppressed_or_undersized_group_leaves_a_figure_in_a_chart(string recipeName)
    {
        using var plan = Plan(ChartRecipes.All.Single(r => r.Name == recipeName));
        var texts = ChartRecipeTests.SvgText(ChartRenderer.Svg(plan));
        foreach (var tell in TellTales)
            Assert.DoesNotContain(texts, t => t.Contains(tell, StringComparison.Ordinal));
        if (recipeName != "heatmap")
        {
            // Not even the name of a group that has nothing to show.
            foreach (var hidden in new[] { "Mindfulness", "PLISSIT", "Sensate focus" })
                Assert.DoesNotContain(texts, t => t.Contains(hidden, StringComparison.Ordinal));
        }
        File.WriteAllBytes(Path.Combine(TestArtifacts.Folder("suppression"), $"{recipeName}.png"), ChartRenderer.Png(plan));
    }

    [Fact]
    public void Trajectory_draws_only_the_published_sessions()
    {
        using var plan = Plan(ChartRecipes.Trajectory);
        // One panel (cbt) over the grey roll-up; nothing of mindfulness, plissit or sensate focus.
        var panel = Assert.Single(plan.Plots);
        Assert.Equal("CBT · n 40 → 30", panel.Axes.Title.Label.Text);
        var points = panel.GetPlottables().OfType<Scatter>().SelectMany(s => s.Data.GetScatterPoints()).ToList();
        Assert.Equal([(0.0, 30.0), (0.0, 31.0), (2.0, 33.0), (2.0, 34.0)], points.Select(p => (p.X, p.Y)).Order().ToList());
        // The axis never stretched to the hidden 99.9 or 88.8.
        Assert.True(panel.Axes.GetLimits().Top < 60);
    }

    [Fact]
    public void Reliable_change_bars_come_only_from_published_rows_and_no_change_is_their_remainder()
    {
        using var plan = Plan(ChartRecipes.ReliableChange);
        var bars = plan.Plots.Single().GetPlottables().OfType<BarPlot>().SelectMany(b => b.Bars).ToList();
        Assert.Equal(9, bars.Count); // cbt, couples therapy, all × three segments
        var cbtY = bars.Where(b => b.ValueBase == 0 && b.Value == 40).Select(b => b.Position).Single();
        var cbt = bars.Where(b => b.Position == cbtY).OrderBy(b => b.ValueBase).Select(b => (b.ValueBase, b.Value)).ToList();
        Assert.Equal([(0.0, 40.0), (40.0, 95.0), (95.0, 100.0)], cbt);
    }

    [Fact]
    public void Forest_plot_marks_a_suppressed_population_and_draws_no_marker_for_it()
    {
        using var plan = Plan(ChartRecipes.Forest);
        var texts = ChartRecipeTests.SvgText(ChartRenderer.Svg(plan));
        Assert.Contains("Couples therapy · 30 / <11", texts);
        var markers = plan.Plots.Single().GetPlottables().OfType<Marker>().Select(m => m.Location.X).Order().ToList();
        // cbt (all, completed), couples therapy (all only), all (all, completed)
        Assert.Equal([0.3, 0.45, 0.45, 0.5, 0.5], markers);
    }

    [Fact]
    public void Calendar_trend_leaves_out_suppressed_quarters_but_keeps_their_place()
    {
        using var plan = Plan(ChartRecipes.Trend);
        var points = plan.Plots.Single().GetPlottables().OfType<Scatter>().SelectMany(s => s.Data.GetScatterPoints()).Select(p => (p.X, p.Y)).Order().ToList();
        Assert.Equal([(0.0, 30.0), (0.0, 32.0), (2.0, 40.0)], points);
        var texts = ChartRecipeTests.SvgText(ChartRenderer.Svg(plan));
        Assert.Contains("2025 Q2", texts);
    }

    [Fact]
    public void Heatmap_marks_suppressed_cells_without_figures()
    {
        using var plan = Plan(ChartRecipes.Heatmap);
        var texts = ChartRecipeTests.SvgText(ChartRenderer.Svg(plan));
        // Low desire: mindfulness, plissit (flagged), sensate focus (n 7); all concerns: mindfulness.
        Assert.Equal(4, texts.Count(t => t == "<11"));
        Assert.Contains("0.50", texts);
        Assert.Contains("0.55", texts);
    }

    [Fact]
    public void Report_shows_suppressed_rows_as_below_min_cell_and_none_of_their_figures()
    {
        using var folder = new TempFolder();
        var result = DirectorReport.Write(Run(), TestCatalog.Default, folder.Path);
        var html = File.ReadAllText(result.IndexPath);
        foreach (var tell in TellTales)
            Assert.DoesNotContain(tell, html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"suppressed\">&lt;11</td>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>PLISSIT</strong>: not shown", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Sensate focus</strong>: not shown", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Mindfulness</strong>: not shown", html, StringComparison.Ordinal);
    }
}
