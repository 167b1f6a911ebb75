using System.CommandLine;
using System.Globalization;
using OutcomesLab.Analytics;
using OutcomesLab.Analytics.Csv;
using OutcomesLab.Storage;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab aggregate --out DIR [--min-cell N]</c>: computes the outcome figures from the store,
/// suppresses small cells, saves them as a new aggregate run and writes aggregates.csv,
/// trajectories.csv and trends.csv into DIR. min_cell defaults to the settings' MinCell (11).
/// </summary>
public static class AggregateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "folder for aggregates.csv, trajectories.csv and trends.csv (created when missing)", Required = true };
        var minCell = new Option<int?>("--min-cell") { Description = "small-cell threshold: no published figure rests on fewer people [env OUTCOMESLAB_MIN_CELL; default 11]" };
        var command = new Command("aggregate", "compute outcome statistics by concern × approach, suppress small cells, save a versioned run and write the CSV files");
        global.Add(command, Uses.Store | Uses.Catalog);
        command.Options.Add(output);
        command.Options.Add(minCell);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            var threshold = parse.GetValue(minCell) ?? settings.MinCell;
            if (threshold < 1) throw new UserErrorException("--min-cell must be a whole number of at least 1");
            var location = StoreLocation.Parse(settings.Store);
            if (location.Dialect == Dialect.Sqlite && !File.Exists(location.Value))
                throw new UserErrorException($"no store at '{location.Value}': run `outcomeslab ingest DROP_FOLDER` first");
            var outDir = OutputFolder.Prepare(parse.GetValue(output)!);
            var catalog = StoreContext.LoadCatalog(settings);
            await using var store = await Store.OpenAsync(location, ct);

            var run = await AggregateStage.RunAsync(store, catalog, threshold, outDir, TimeProvider.System, ct);

            var t = new Table().Border(TableBorder.Rounded).Title($"aggregate run #{run.RunId}")
                .AddColumn("file").AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("suppressed").RightAligned());
            void Row(string file, int rows, int suppressed) =>
                t.AddRow(file, rows.ToString("N0", CultureInfo.InvariantCulture), suppressed.ToString("N0", CultureInfo.InvariantCulture));
            Row(AggregateCsv.AggregatesFile, run.Aggregates.Count, run.Aggregates.Count(r => r.Suppressed));
            Row(AggregateCsv.TrajectoriesFile, run.Trajectories.Count, run.Trajectories.Count(r => r.Suppressed));
            Row(AggregateCsv.TrendsFile, run.Trends.Count, run.Trends.Count(r => r.Suppressed));
            Terminal.Out.Write(t);
            Terminal.Out.Say(
                $"min_cell {run.MinCell}; covers {run.Batches.Count} batch{(run.Batches.Count == 1 ? "" : "es")}{(run.Batches.Count > 0 ? $" up to {run.Batches[^1]}" : "")}; written to {outDir}");
            return 0;
        }));
        return command;
    }
}
