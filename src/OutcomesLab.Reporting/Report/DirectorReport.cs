using System.Globalization;
using System.Text;
using OutcomesLab.Domain;
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

        var html = new StringBuilder();
        Head(html, context);
        Overview(html, context, instruments, charts);
        foreach (var concern in concerns) ConcernSection(html, context, concern, instruments, charts);
        html.Append(MethodsSection.Render(context, instruments));
        html.Append("</main><footer><p>").Append(Html.Encode(context.Footnote)).Append(". Charts: ScottPlot, DejaVu Sans; colours: Okabe–Ito (colour-blind safe).</p></footer></body></html>\n");

        var index = Path.Combine(outDir, "index.html");
        File.WriteAllText(index, html.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
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

    private static void Head(StringBuilder html, ChartContext context)
    {
        var run = context.Run;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Outcomes by presenting concern — director report, aggregate run ").Append(Html.Encode(run.RunId.ToString(CultureInfo.InvariantCulture))).Append("</title>")
            .Append("<style>").Append(ReportStyles.Css).Append("</style></head><body>");
        html.Append("<header class=\"report\"><h1>Outcomes by presenting concern and treatment approach</h1>")
            .Append("<p class=\"meta\">Clinical director's report · aggregate run ").Append(Html.Encode(run.RunId.ToString(CultureInfo.InvariantCulture)))
            .Append(" · computed ").Append(Html.Encode(run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(" UTC · ")
            .Append(Html.Count(run.Batches.Count)).Append(run.Batches.Count == 1 ? " batch" : " batches")
            .Append(" · min_cell ").Append(Html.Count(run.MinCell)).Append(": groups of fewer than ").Append(Html.Count(run.MinCell))
            .Append(" people are not shown</p></header><main>");
    }

    private static void Overview(StringBuilder html, ChartContext context, IReadOnlyList<Instrument> instruments, IReadOnlyDictionary<string, RenderedChart?> charts)
    {
        var names = context.Names;
        html.Append("<section id=\"overview\"><h2>Overview</h2>")
            .Append("<p class=\"lead\">How clients' scores changed between their first and last questionnaire, by presenting concern and treatment approach. ")
            .Append("<strong>Hedges' g</strong> measures the size of the change in standard deviations (positive = better; 0.2 small, 0.5 moderate, 0.8 large). ")
            .Append("<strong>Reliably improved</strong> means a change larger than the questionnaire's measurement error. ")
            .Append("These are before–after figures without a control group: differences between approaches may reflect who received them.</p>");

        html.Append("<nav class=\"contents\" aria-label=\"Contents\"><strong>Presenting concerns</strong><ol>");
        foreach (var concern in names.SortConcerns(context.Run.Aggregates.Select(r => r.PresentingConcern).Where(c => c != Codes.All)))
            html.Append("<li><a href=\"#").Append(Html.Encode(SectionId(concern))).Append("\">").Append(Html.Encode(names.Concern(concern))).Append("</a></li>");
        html.Append("</ol><a href=\"#methods\">Methods and definitions</a></nav>");

        foreach (var instrument in instruments)
        {
            html.Append("<h3 id=\"overview-").Append(Html.Encode(FileStems.Slug(instrument.Code))).Append("\">")
                .Append(Html.Encode(ReportNames.Instrument(instrument))).Append(" — ").Append(Html.Encode(ReportNames.Direction(instrument))).Append("</h3>");
            var overall = context.Run.Aggregates.FirstOrDefault(r => r.Instrument == instrument.Code && r.PresentingConcern == Codes.All && r.Approach == Codes.All && r.Population == "all");
            if (overall is not null)
                html.Append("<p>").Append(ReportSentences.ForApproach(context, overall, "All concerns and approaches together")).Append("</p>");
            html.Append("<div class=\"charts wide\">");
            Figure(html, charts, FileStems.For(instrument.Code, null, ChartRecipes.Heatmap.Name), "No concern × approach group reached min_cell for this instrument.");
            html.Append("</div><div class=\"charts\">");
            Figure(html, charts, FileStems.For(instrument.Code, Codes.All, ChartRecipes.Forest.Name), "No approach has a publishable effect size across all concerns.");
            Figure(html, charts, FileStems.For(instrument.Code, Codes.All, ChartRecipes.ReliableChange.Name), "No approach has publishable reliable-change figures across all concerns.");
            html.Append("</div>");
        }
        html.Append("</section>");
    }

    private static void ConcernSection(StringBuilder html, ChartContext context, string concern, IReadOnlyList<Instrument> instruments,
        IReadOnlyDictionary<string, RenderedChart?> charts)
    {
        var names = context.Names;
        html.Append("<section id=\"").Append(Html.Encode(SectionId(concern))).Append("\"><h2>").Append(Html.Encode(names.Concern(concern))).Append("</h2>");
        foreach (var instrument in instruments)
        {
            var rows = context.Run.Aggregates.Where(r => r.Instrument == instrument.Code && r.PresentingConcern == concern).ToList();
            html.Append("<h3>").Append(Html.Encode(ReportNames.Instrument(instrument))).Append(" — ").Append(Html.Encode(ReportNames.Direction(instrument))).Append("</h3>");
            html.Append("<div class=\"charts\">");
            foreach (var recipe in ChartRecipes.PerConcern)
                Figure(html, charts, FileStems.For(instrument.Code, concern, recipe.Name), $"No {Describe(recipe)} can be shown: every group is below min_cell ({context.MinCell}) or has no data.");
            html.Append("</div>");

            var sentences = names.SortApproaches(rows.Where(r => r.Population == "all").Select(r => r.Approach))
                .Select(a => rows.First(r => r.Approach == a && r.Population == "all"))
                .ToList();
            if (sentences.Count > 0)
            {
                html.Append("<ul class=\"findings\">");
                foreach (var row in sentences) html.Append("<li>").Append(ReportSentences.ForApproach(context, row)).Append("</li>");
                html.Append("</ul>");
                html.Append("<details><summary>Table of figures: ").Append(Html.Encode(instrument.Code)).Append(", ").Append(Html.Encode(names.Concern(concern))).Append("</summary>")
                    .Append(FiguresTable.Render(context, rows, $"{ReportNames.Instrument(instrument)}, {names.Concern(concern)}: aggregate figures ({context.SuppressedMark} = suppressed)"))
                    .Append("</details>");
            }
            else
            {
                html.Append("<p class=\"empty\">No episodes of this concern have a valid ").Append(Html.Encode(instrument.Code)).Append(" score.</p>");
            }
        }
        html.Append("</section>");
    }

    private static void Figure(StringBuilder html, IReadOnlyDictionary<string, RenderedChart?> charts, string stem, string whenMissing)
    {
        if (!charts.TryGetValue(stem, out var chart) || chart is null)
        {
            html.Append("<p class=\"empty\">").Append(Html.Encode(whenMissing)).Append("</p>");
            return;
        }
        var png = $"{ChartsFolder}/{chart.Stem}.png";
        var svg = $"{ChartsFolder}/{chart.Stem}.svg";
        html.Append("<figure><a href=\"").Append(Html.Encode(svg)).Append("\"><img src=\"").Append(Html.Encode(png))
            .Append("\" alt=\"").Append(Html.Encode(chart.AltText))
            .Append("\" width=\"").Append(Html.Count(chart.Width)).Append("\" height=\"").Append(Html.Count(chart.Height)).Append("\"></a>")
            .Append("<figcaption>").Append(Html.Encode(chart.Title)).Append(" · <a href=\"").Append(Html.Encode(svg)).Append("\">SVG</a></figcaption></figure>");
    }

    private static string Describe(IChartRecipe recipe) => recipe.Name switch
    {
        "trajectory" => "session trajectory",
        "forest" => "effect-size chart",
        "reliable-change" => "reliable-change chart",
        "trend" => "calendar trend",
        _ => recipe.Name,
    };

    private static string SectionId(string concern) => "concern-" + FileStems.Slug(concern);
}

/// <summary>Where the report went and what it holds.</summary>
public sealed record DirectorReportResult(string IndexPath, int Charts, int Concerns, long RunId);
