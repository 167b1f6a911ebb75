using OutcomesLab.Storage.Persistence;
using System.CommandLine;
using System.Globalization;
using OutcomesLab.Reporting.Report;
using OutcomesLab.Reporting.Samples;
using OutcomesLab.Storage;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab report [--out DIR]</c>: the clinical director's report (index.html + charts/*.png,
/// *.svg) from the latest stored aggregate run — never from raw rows. The hidden <c>--bench</c>
/// renders every chart of a 13-concern × 4-instrument sample run and prints charts per second.
/// </summary>
public static class ReportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string?>("--out") { Description = "folder for index.html and charts/ (created when missing) [default: <Output>/director-report]" };
        var bench = new Option<bool>("--bench") { Description = "time the chart rendering on invented sample figures; touches no store", Hidden = true };
        var command = new Command("report", "write the clinical director's report from the latest aggregate run");
        global.Add(command, Uses.Store | Uses.Catalog);
        command.Options.Add(output);
        command.Options.Add(bench);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            var outDir = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(settings.Output, "director-report"));
            var catalog = StoreContext.LoadCatalog(settings);
            if (parse.GetValue(bench)) return Bench(catalog, outDir, ct);

            var location = StoreLocation.Parse(settings.Store);
            if (location.Dialect == Dialect.Sqlite && !File.Exists(location.Value))
                throw new UserErrorException($"no store at '{location.Value}': run `outcomeslab ingest DROP_FOLDER` and `outcomeslab aggregate --out DIR` first");
            await using var store = await Store.OpenReadOnlyAsync(location, ct);
            var run = await AggregateRunRepository.LatestAsync(store, ct)
                ?? throw new UserErrorException($"the store {store.Location.Display} holds no aggregate run yet: run `outcomeslab aggregate --out DIR` first");
            // Raising min_cell after a run cannot be honoured by hiding more cells here: secondary
            // suppression would no longer hold. The run has to be computed again.
            if (run.MinCell < settings.MinCell)
                throw new UserErrorException(
                    $"aggregate run {run.RunId} was computed with min_cell {run.MinCell}, below the configured {settings.MinCell}: run `outcomeslab aggregate` again before reporting");

            var result = await Task.Run(() => DirectorReport.Write(run, catalog, outDir, ct), ct);
            Terminal.Out.Say(
                $"director report for aggregate run #{run.RunId} (min_cell {run.MinCell}, {run.Batches.Count} batch{(run.Batches.Count == 1 ? "" : "es")}): {result.Concerns} concerns, {result.Charts} charts");
            Terminal.Out.Say($"open {result.IndexPath}");
            return 0;
        }));
        return command;
    }

    private static int Bench(Domain.Catalog catalog, string outDir, CancellationToken ct)
    {
        var folder = Path.Combine(outDir, "bench");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var result = ChartBenchmark.Run(catalog, folder, ct: ct);
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        Terminal.Out.Say(
            $"rendered {result.Charts} charts (each PNG + SVG; {result.Empty} with nothing to show) for {result.Concerns} concerns × {result.Instruments} instruments in {F(result.Elapsed.TotalSeconds, "0.00")} s on {result.Threads} threads: [bold]{F(result.ChartsPerSecond, "0.0")} charts/s[/]");
        Terminal.Out.Say(
            $"CPU {F(result.CpuMillisecondsPerChart, "0")} ms per chart: {F(result.ChartsPerSecondUnloaded, "0")} charts/s on {result.Threads} otherwise idle cores");
        Terminal.Out.Say($"charts of invented sample figures in {Path.Combine(folder, "charts")}");
        return 0;
    }
}
