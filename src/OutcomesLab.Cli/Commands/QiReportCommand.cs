using System.CommandLine;
using System.Globalization;
using OutcomesLab.Analytics;
using OutcomesLab.Quality;
using OutcomesLab.Storage;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab qi-report --out DIR [--period 2025-Q3] [--min-cell N] [--seed N]</c>: the supervisors' quality-improvement
/// report (index.html, alerts.csv, charts/) from the store; the models are saved with the aggregate run.
/// </summary>
public static class QiReportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "folder for index.html, alerts.csv and charts/", Required = true };
        var period = new Option<string?>("--period")
        { Description = "limit the comparisons to episodes with intake in this quarter, e.g. 2025-Q3 (models train on, and alerts cover, all data)" };
        var minCell = new Option<int?>("--min-cell") { Description = "small-cell threshold: no figure rests on fewer people [env OUTCOMESLAB_MIN_CELL; default 11]" };
        var seed = new Option<int>("--seed") { Description = "seed of the models and cross-validation folds", DefaultValueFactory = _ => 1 };
        var command = new Command("qi-report",
            "quality-improvement report for supervisors: outcomes by therapist and site with funnel plots, case-mix adjusted comparison, not-on-track and alliance alerts");
        global.Add(command, Uses.Store | Uses.Catalog);
        command.Options.Add(output);
        command.Options.Add(period);
        command.Options.Add(minCell);
        command.Options.Add(seed);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            var threshold = parse.GetValue(minCell) ?? settings.MinCell;
            if (threshold < 1) throw new UserErrorException("--min-cell must be a whole number of at least 1");
            IntakeQuarter? quarter = null;
            if (parse.GetValue(period) is { } text)
            {
                try { quarter = IntakeQuarter.Parse(text); }
                catch (FormatException e) { throw new UserErrorException($"--period: {e.Message}", e); }
            }
            var location = StoreLocation.Parse(settings.Store);
            if (location.Dialect == Dialect.Sqlite && !File.Exists(location.Value))
                throw new UserErrorException($"no store at '{location.Value}': run `outcomeslab ingest DROP_FOLDER` or `outcomeslab demo` first");
            var catalog = StoreContext.LoadCatalog(settings);
            var options = new QiOptions { MinCell = threshold, Period = quarter, Seed = parse.GetValue(seed) };
            var outDir = OutputFolder.Prepare(parse.GetValue(output)!);

            await using var store = await Store.OpenAsync(location, ct);
            var outcome = await Terminal.Out.Status().StartAsync("training the QI models and writing the report…",
                _ => QiReportStage.RunAsync(store, catalog, options, outDir, TimeProvider.System, ct));

            var r = outcome.Result;
            Terminal.Out.Say(
                $"[bold]QI report[/] {outcome.Files.Index} ({(quarter is { } q ? $"intake {q}" : "every intake quarter")}: {r.EpisodesInPeriod:N0} of {r.EpisodesTotal:N0} episodes)");
            if (r.CaseMix.Quality is { } cm)
                Terminal.Out.Say(
                    $"   case-mix model: cross-validated R² {cm.RSquared.ToString("F3", CultureInfo.InvariantCulture)}, MAE {cm.MeanAbsoluteError.ToString("F3", CultureInfo.InvariantCulture)} {cm.Unit}");
            else
                Terminal.Out.Say($"   case-mix model {r.CaseMix.NotFitted}");
            Terminal.Out.Say(
                $"   alerts: {r.Alerts.Select(a => a.EpisodeRef).Distinct().Count():N0} active episodes, {r.Alerts.Count:N0} rows in {outcome.Files.Alerts}");
            Terminal.Out.Say(
                $"   models {string.Join(", ", outcome.SavedModels)} saved with aggregate run #{outcome.AggregateRunId}{(outcome.RanAggregateStage ? " (computed now: the latest run was behind the store)" : "")}");
            return 0;
        }));
        return command;
    }
}
