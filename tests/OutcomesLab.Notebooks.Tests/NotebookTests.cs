using Microsoft.DotNet.Interactive.Events;
using Xunit;

namespace OutcomesLab.Notebooks.Tests;

/// <summary>
/// Every notebook in notebooks/ runs from the first cell to the last against a fresh synthetic export.
/// The notebooks read the export folder and the chart folder from the environment, so these tests
/// share one class (xunit runs a class's tests one at a time).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NotebookTests(SyntheticExportFixture export) : IClassFixture<SyntheticExportFixture>
{
    public static string NotebookFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OutcomesLab.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("OutcomesLab.sln not found above the test folder"), "notebooks");
        }
    }

    public static IEnumerable<object[]> Notebooks() =>
        Directory.GetFiles(NotebookFolder, "*.ipynb").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Fact]
    public void There_are_at_least_two_notebooks_and_a_readme()
    {
        Assert.True(Notebooks().Count() >= 2);
        Assert.True(File.Exists(Path.Combine(NotebookFolder, "README.md")));
    }

    private async Task<NotebookRunner.Run> Run(string name, params string[] capture)
    {
        var before = (Environment.GetEnvironmentVariable("OUTCOMESLAB_EXPORT"), Environment.GetEnvironmentVariable("OUTCOMESLAB_NOTEBOOK_OUTPUT"));
        Environment.SetEnvironmentVariable("OUTCOMESLAB_EXPORT", export.ExportFolder);
        Environment.SetEnvironmentVariable("OUTCOMESLAB_NOTEBOOK_OUTPUT", export.OutputFolder);
        try
        {
            return await NotebookRunner.RunAsync(Path.Combine(NotebookFolder, name), capture);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OUTCOMESLAB_EXPORT", before.Item1);
            Environment.SetEnvironmentVariable("OUTCOMESLAB_NOTEBOOK_OUTPUT", before.Item2);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_cell_runs_without_error(string notebook)
    {
        var cells = (await Run(notebook)).Cells;
        Assert.NotEmpty(cells);
        // Something was shown, as a reader would see it.
        Assert.Contains(cells, c => c.Events.OfType<DisplayedValueProduced>().Any());
    }

    [Fact]
    public async Task Effect_size_notebook_charts_its_table_and_its_g_matches_the_aggregates_formula()
    {
        var run = await Run("01-effect-sizes.ipynb", "effectSizes", "concern");
        var charts = Directory.GetFiles(export.OutputFolder, "effect-sizes-*.png");
        var chart = Assert.Single(charts);
        Assert.True(new FileInfo(chart).Length > 10_000, "the forest plot is suspiciously small");
        var html = run.Cells.SelectMany(c => c.Events.OfType<DisplayedValueProduced>()).SelectMany(e => e.FormattedValues).Select(v => v.Value);
        Assert.Contains(html, v => v.Contains("data:image/png;base64", StringComparison.Ordinal));

        // Independently: Hedges' g by OutcomeMath (what the aggregate stage publishes) from the same CSV.
        var effectSizes = Assert.IsType<Dictionary<string, double?>>(run.Values["effectSizes"]);
        var concern = Assert.IsType<string>(run.Values["concern"]);
        var csv = OutcomesLab.Export.Tables.CsvTableReader.Parse(File.ReadAllText(Path.Combine(export.ExportFolder, "episodes.csv")));
        int Col(string name) => Array.IndexOf(csv.Header.ToArray(), name);
        var compared = 0;
        foreach (var (key, g) in effectSizes)
        {
            var (instrument, approach) = (key.Split('|')[0], key.Split('|')[1]);
            var paired = csv.Rows.Where(r => r[Col("presenting_concern")] == concern && r[Col("instrument")] == instrument
                                              && (approach == "all" || r[Col("approach")] == approach) && r[Col("final")] != "").ToList();
            if (paired.Count < 11)
            {
                Assert.Null(g);
                continue;
            }
            var baseline = paired.Select(r => double.Parse(r[Col("baseline")], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var final = paired.Select(r => double.Parse(r[Col("final")], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var expected = OutcomesLab.Analytics.OutcomeMath.HedgesG(OutcomesLab.Domain.Catalog.Default.Instruments[instrument].Direction,
                baseline.Average(), final.Average(), OutcomesLab.Analytics.OutcomeMath.SampleSd(baseline), baseline.Count);
            Assert.Equal(expected!.Value, g!.Value, 9);
            compared++;
        }
        Assert.True(compared >= 10, $"only {compared} effect sizes compared");
    }

    [Fact]
    public async Task Trajectory_notebook_charts_trajectories_and_reliable_change()
    {
        await Run("02-trajectories-and-reliable-change.ipynb");
        Assert.Single(Directory.GetFiles(export.OutputFolder, "trajectories-*.png"));
        Assert.Single(Directory.GetFiles(export.OutputFolder, "reliable-change-*.png"));
    }

    [Fact]
    public void Nuget_directives_are_recognised_and_stripped()
    {
        const string code = "#r \"nuget: ScottPlot, 5.1.59\"\n  #r \"nuget:Microsoft.Data.Analysis\"\nvar x = 1;";
        Assert.Equal(["ScottPlot", "Microsoft.Data.Analysis"], NotebookRunner.PackagesRequested(code));
        Assert.DoesNotContain("#r", NotebookRunner.StripNugetDirectives(code));
        Assert.Contains("var x = 1;", NotebookRunner.StripNugetDirectives(code));
    }
}
