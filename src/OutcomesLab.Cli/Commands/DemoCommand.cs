using System.CommandLine;
using System.Diagnostics;
using OutcomesLab.Quality;
using OutcomesLab.Reporting.Report;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab demo [--out DIR]</c>: the main job on the embedded default — synthetic practice
/// data, ingest into a SQLite store, then every later stage (aggregate, director report, QI report)
/// — and where the results are.
/// </summary>
public static class DemoCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "folder for the demo's drop, store and results", DefaultValueFactory = _ => "outcomeslab-demo" };
        var episodes = new Option<int>("--episodes") { Description = "synthetic episodes", DefaultValueFactory = _ => 3000 };
        var command = new Command("demo", "run the whole pipeline on synthetic data into a local SQLite store");
        global.Add(command, Uses.Store | Uses.Key | Uses.Catalog);
        command.Options.Add(output);
        command.Options.Add(episodes);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var n = parse.GetValue(episodes);
            if (n < 1) throw new UserErrorException("--episodes must be at least 1");
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(dir);
            var store = Path.Combine(dir, "outcomeslab.db");
            var settings = global.Settings(parse, new Dictionary<string, string?> { ["Store"] = parse.GetValue(global.Store) ?? store, ["Output"] = dir });
            var drop = Path.Combine(dir, "drop");
            if (Directory.Exists(drop)) Directory.Delete(drop, recursive: true);

            Terminal.Out.MarkupLine("[bold]1. synthetic practice data[/]");
            var synth = SyntheticPractice.Write(drop, new SynthOptions { Episodes = n, Seed = 1 }, StoreContext.LoadCatalog(settings));
            Terminal.Out.Say($"   {synth.Episodes:N0} episodes, {synth.ResponseRows:N0} answers in {synth.Batches.Count} batches");

            Terminal.Out.MarkupLine("[bold]2. ingest through the gate[/]");
            await Pipeline.IngestAsync(settings, drop, ct);

            Terminal.Out.MarkupLine("[bold]3. outcome statistics with small-cell suppression[/]");
            var aggregateDir = Path.Combine(dir, "aggregate");
            var run = await Pipeline.AggregateAsync(settings, aggregateDir, ct);

            Terminal.Out.MarkupLine("[bold]4. director report[/]");
            var reportDir = Path.Combine(dir, "director-report");
            var report = await Task.Run(() => DirectorReport.Write(run, StoreContext.LoadCatalog(settings), reportDir, ct), ct);
            Terminal.Out.Say($"   {report.Concerns} concerns, {report.Charts} charts");

            Terminal.Out.MarkupLine("[bold]5. quality-improvement report for supervisors[/]");
            var qiDir = Path.Combine(dir, "qi-report");
            var qiClock = Stopwatch.StartNew();
            QiReportOutcome qi;
            await using (var qiStore = await Store.OpenAsync(StoreLocation.Parse(settings.Store), ct))
                qi = await QiReportStage.RunAsync(qiStore, StoreContext.LoadCatalog(settings), new QiOptions { MinCell = settings.MinCell },
                    qiDir, TimeProvider.System, ct);
            Terminal.Out.Say(
                $"   {qi.Result.Alerts.Count:N0} alerts, {qi.Files.Charts.Count} charts, models saved with aggregate run #{qi.AggregateRunId} ({qiClock.Elapsed.TotalSeconds:F1} s)");

            Terminal.Out.MarkupLine("[bold]results[/]");
            Terminal.Out.Say($"   drop folder: {drop}");
            Terminal.Out.Say($"   store:       {settings.Store} (see `outcomeslab status --store {settings.Store}`)");
            Terminal.Out.Say($"   aggregates:  {aggregateDir} (aggregate run #{run.RunId}, min_cell {run.MinCell})");
            Terminal.Out.Say($"   report:      {report.IndexPath}");
            Terminal.Out.Say($"   QI report:   {qi.Files.Index} (work list {qi.Files.Alerts})");
            return 0;
        }));
        return command;
    }
}
