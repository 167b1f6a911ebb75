using OutcomesLab.Storage.Persistence;
using System.CommandLine;
using System.Globalization;
using OutcomesLab.Storage;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab status</c>: what the store holds (counts by concern, approach and instrument), the
/// last pull, pending answers and refusals. An operator's view, yet counts below min_cell are still
/// shown as "&lt;min_cell".
/// </summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions global)
    {
        var refusals = new Option<bool>("--refusals") { Description = "list every refusal of the last pull" };
        var command = new Command("status", "show what the store holds and what the last pull did");
        global.Add(command, Uses.Store);
        command.Options.Add(refusals);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            var location = StoreLocation.Parse(settings.Store);
            if (location.Dialect == Dialect.Sqlite && !File.Exists(location.Value))
                throw new UserErrorException($"no store at '{location.Value}': run `outcomeslab ingest DROP_FOLDER` or `outcomeslab demo` first");
            await using var store = await Store.OpenReadOnlyAsync(location, ct);
            var minCell = settings.MinCell;
            string Masked(long n) => n > 0 && n < minCell ? $"<{minCell}" : n.ToString("N0", CultureInfo.InvariantCulture);

            var totals = await StoreStatus.TotalsAsync(store, ct);
            Terminal.Out.Say($"[bold]store[/] {store.Location.Display}");
            var t = new Table().Border(TableBorder.Rounded).AddColumn("holds").AddColumn(new TableColumn("count").RightAligned());
            t.AddRow("episodes", Masked(totals.Episodes));
            t.AddRow("administrations (valid)", $"{Masked(totals.Administrations)} ({Masked(totals.ValidAdministrations)})");
            t.AddRow("answers", Masked(totals.Answers));
            t.AddRow("answers pending (episode not yet arrived)", totals.Pending.ToString("N0", CultureInfo.InvariantCulture));
            t.AddRow("batches ingested", totals.Batches.ToString("N0", CultureInfo.InvariantCulture));
            t.AddRow("refusals (all pulls)", totals.Refusals.ToString("N0", CultureInfo.InvariantCulture));
            Terminal.Out.Write(t);

            var grid = new Table().Border(TableBorder.Simple);
            var columns = new[] { ("episodes by concern", "Status_ByConcern"), ("episodes by approach", "Status_ByApproach"), ("valid administrations by instrument", "Status_ByInstrument") };
            var lists = new List<IReadOnlyList<StoreStatus.Count>>();
            foreach (var (title, query) in columns)
            {
                grid.AddColumn(title);
                lists.Add(await StoreStatus.CountsAsync(store, query, ct));
            }
            for (var i = 0; i < lists.Max(l => l.Count); i++)
                grid.AddRow(lists.Select(l => i < l.Count ? $"{Terminal.Escape(l[i].Key)}: {Masked(l[i].Value)}" : "").ToArray());
            Terminal.Out.Write(grid);

            var run = await AggregateRunRepository.LatestSummaryAsync(store, ct);
            Terminal.Out.Say($"[bold]latest aggregate run[/] {(run is null ? "none yet: `outcomeslab aggregate --out DIR`" : run.Describe())}");

            var pulls = await StoreStatus.LatestPullsAsync(store, 1, ct);
            if (pulls.Count == 0)
            {
                Terminal.Out.MarkupLine("no pull yet");
                return 0;
            }
            var p = pulls[0];
            Terminal.Out.Say(
                $"[bold]last pull[/] #{p.PullId} {p.Status} at {p.FinishedAt ?? p.StartedAt}: {p.BatchesNew} new / {p.BatchesSeen} already ingested batches, {p.EpisodesStored:N0} + {p.EpisodesUpdated:N0} episodes stored + updated, {p.AnswersStored:N0} + {p.AnswersUpdated:N0} answers stored + updated, {p.RowsRefused:N0} rows and {p.FilesRefused} files refused{(p.Error is null ? "" : $", error {p.Error}")}");
            var list = await StoreStatus.RefusalsAsync(store, p.PullId, ct);
            if (list.Count > 0)
            {
                var shown = parse.GetValue(refusals) ? list : list.Take(10).ToList();
                var r = new Table().Border(TableBorder.Simple).Title($"refusals of pull #{p.PullId}");
                foreach (var c in new[] { "batch", "file", "line", "column", "rule" }) r.AddColumn(c);
                foreach (var x in shown)
                    r.AddRow(Terminal.Escape(x.Batch), Terminal.Escape(x.File), x.Line?.ToString(CultureInfo.InvariantCulture) ?? "",
                        Terminal.Escape(x.ColumnName ?? ""), Terminal.Escape(x.Rule + (x.WholeFile != 0 ? " — whole file refused" : "")));
                Terminal.Out.Write(r);
                if (shown.Count < list.Count) Terminal.Out.Say($"… {list.Count - shown.Count} more: `outcomeslab status --refusals`");
            }
            return 0;
        }));
        return command;
    }
}
