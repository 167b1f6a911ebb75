using System.Text;
using OutcomesLab.Domain;
using OutcomesLab.Presentation.Pages;
using OutcomesLab.Reporting.Charts;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// The clinical director's report: <c>index.html</c> with an overview, one section per presenting
/// concern (charts, plain-words sentences, the table of figures) and the methods, plus every chart
/// as PNG and SVG under <c>charts/</c>. A pure function of one published <see cref="AggregateRun"/>
/// and the catalog's names and norms: it never reads raw rows, and it works offline from the folder.
/// </summary>
public static class DirectorReport
{
    public const string ChartsFolder = "charts";

    public static DirectorReportResult Write(AggregateRun run, Catalog catalog, string outDir, CancellationToken ct = default)
    {
        var names = new ReportNames(catalog);
        var context = new ChartContext(run, names);
        var instruments = InstrumentsOf(run, catalog);
        var concerns = names.SortConcerns(run.Aggregates.Select(r => r.PresentingConcern)
            .Concat(run.Trajectories.Select(r => r.PresentingConcern))
            .Concat(run.Trends.Select(r => r.PresentingConcern))
            .Where(c => c != Codes.All)).ToList();

        var jobs = Jobs(instruments, concerns).ToList();
        Directory.CreateDirectory(outDir);
        var charts = ChartBatch.Render(context, jobs, Path.Combine(outDir, ChartsFolder), ct: ct);

        var html = HtmlPages.Render<DirectorReportPage>(new Dictionary<string, object?>
        {
            [nameof(DirectorReportPage.Context)] = context,
            [nameof(DirectorReportPage.Instruments)] = instruments,
            [nameof(DirectorReportPage.Concerns)] = concerns,
            [nameof(DirectorReportPage.Charts)] = charts,
        });

        var index = Path.Combine(outDir, "index.html");
        File.WriteAllText(index, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return new DirectorReportResult(index, charts.Values.Count(c => c is not null), concerns.Count, run.RunId);
    }

    /// <summary>Every chart of the report: the overview per instrument, then each concern × instrument.</summary>
    public static IEnumerable<ChartJob> Jobs(IReadOnlyList<Instrument> instruments, IReadOnlyList<string> concerns)
    {
        foreach (var instrument in instruments)
        {
            yield return new ChartJob(ChartRecipes.Heatmap, new ChartSubject(instrument, null), FileStems.For(instrument.Code, null, ChartRecipes.Heatmap.Name));
            yield return new ChartJob(ChartRecipes.Forest, new ChartSubject(instrument, Codes.All), FileStems.For(instrument.Code, Codes.All, ChartRecipes.Forest.Name));
            yield return new ChartJob(ChartRecipes.ReliableChange, new ChartSubject(instrument, Codes.All), FileStems.For(instrument.Code, Codes.All, ChartRecipes.ReliableChange.Name));
        }
        foreach (var concern in concerns)
            foreach (var instrument in instruments)
                foreach (var recipe in ChartRecipes.PerConcern)
                    yield return new ChartJob(recipe, new ChartSubject(instrument, concern), FileStems.For(instrument.Code, concern, recipe.Name));
    }

    /// <summary>The run's instruments in catalog order; an instrument the catalog lacks cannot be described, so it stops the report.</summary>
    public static IReadOnlyList<Instrument> InstrumentsOf(AggregateRun run, Catalog catalog)
    {
        var codes = run.Aggregates.Select(r => r.Instrument).Concat(run.Trajectories.Select(r => r.Instrument))
            .Concat(run.Trends.Select(r => r.Instrument)).ToHashSet(StringComparer.Ordinal);
        var missing = codes.Where(c => catalog.Find(c) is null).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException(
                $"aggregate run {run.RunId} has figures for instrument(s) {string.Join(", ", missing)} that the instrument catalog does not define; "
                + "report with the catalog the run was computed with");
        return catalog.Instruments.Values.Where(i => codes.Contains(i.Code)).ToList();
    }
}

/// <summary>Where the report went and what it holds.</summary>
public sealed record DirectorReportResult(string IndexPath, int Charts, int Concerns, long RunId);
