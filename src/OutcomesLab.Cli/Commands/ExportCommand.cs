using System.CommandLine;
using System.Globalization;
using OutcomesLab.Export;
using OutcomesLab.Export.Audit;
using Spectre.Console;

namespace OutcomesLab.Cli.Commands;

/// <summary>
/// <c>outcomeslab export --out DIR --purpose TEXT [--k N] [--l N] [--items] [--with-therapist] [--link-with ID] [--max-suppression S]</c>:
/// a de-identified research export under disclosure control, logged in the store. Exit 0 when written,
/// 2 when the privacy targets or checks cannot be met (nothing written), 1 on a usage or store error.
/// <c>outcomeslab export log</c> lists the log and verifies its hash chain: exit 0 intact, 3 broken.
/// </summary>
public static class ExportCommand
{
    public const int Refused = 2;
    public const int ChainBroken = 3;

    public static Command Create(GlobalOptions global)
    {
        var outFolder = new Option<string?>("--out") { Description = "new (or empty) folder to write the export to" };
        var purpose = new Option<string?>("--purpose") { Description = "what the export is for: recorded in the log and the manifest (no identifiers)" };
        var k = new Option<int?>("--k") { Description = "k-anonymity: every combination of quasi-identifiers is shared by at least k people [default: min_cell, 11]" };
        var l = new Option<int>("--l") { Description = "distinct ℓ-diversity of presenting_concern within every such group", DefaultValueFactory = _ => 2 };
        var items = new Option<bool>("--items") { Description = "also export item-level answers (items.csv, items.parquet)" };
        var withTherapist = new Option<bool>("--with-therapist") { Description = "include an export-specific therapist pseudonym (treated as a quasi-identifier)" };
        var linkWith = new Option<string?>("--link-with") { Description = "reuse the pseudonym key of this earlier export id so the two can be joined (the custodian's decision)" };
        var maxSuppression = new Option<double>("--max-suppression")
        { Description = "the most episodes local suppression may take, as a share", DefaultValueFactory = _ => 0.05 };

        var command = new Command("export", "write a de-identified research export (k-anonymity, ℓ-diversity, fresh pseudonyms) and log it");

        global.Add(command, Uses.Store | Uses.Key | Uses.Catalog);
        foreach (var o in new Option[] { outFolder, purpose, k, l, items, withTherapist, linkWith, maxSuppression }) command.Options.Add(o);
        command.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            var target = parse.GetValue(outFolder) ?? throw new UserErrorException("--out is required: the folder to write the export to");
            var why = parse.GetValue(purpose) ?? throw new UserErrorException("--purpose is required: say what the export is for (it is logged)");
            var parameters = new ExportParameters(parse.GetValue(k) ?? settings.MinCell, parse.GetValue(l), parse.GetValue(maxSuppression),
                parse.GetValue(items), parse.GetValue(withTherapist), parse.GetValue(linkWith));

            var catalog = StoreContext.LoadCatalog(settings);
            await using var store = await StoreContext.OpenStoreAsync(settings, ct);
            try
            {
                var receipt = await ExportStage.RunAsync(store, catalog, settings.KeyFile, settings.ExportLogAnchor,
                    new ExportRequest(target, why, parameters, settings.MinCell, null, Environment.UserName), TimeProvider.System, ct);
                Print(receipt);
                return 0;
            }
            catch (ExportRefusedException e)
            {
                Terminal.Error.Say($"[red]export refused:[/] {e.Message}. Nothing was written.");
                return Refused;
            }
        }));

        var log = new Command("log", "list the research export log and verify its hash chain");

        global.Add(log, Uses.Store | Uses.Key);
        log.SetAction((parse, ct) => CommandRunner.Run(async () =>
        {
            var settings = global.Settings(parse);
            await using var store = await StoreContext.OpenStoreAsync(settings, ct);
            var (entries, check) = await ExportStage.VerifiedLogAsync(store, settings.KeyFile, settings.ExportLogAnchor, ct);
            PrintLog(entries);
            if (!check.Intact)
            {
                Terminal.Error.Say($"[red]export log chain broken:[/] {check.Problem}");
                return ChainBroken;
            }
            Terminal.Out.Say(
                $"[green]chain intact:[/] {check.Entries} entr{(check.Entries == 1 ? "y" : "ies")}, matching the anchor; head hash {check.HeadHash} (each export's manifest.json records the head it found)");
            return 0;
        }));
        command.Subcommands.Add(log);
        return command;
    }

    private static void Print(ExportReceipt r)
    {
        var m = r.Manifest;
        var d = m.Disclosure;
        var table = new Table().AddColumn("export").AddColumn(r.ExportId).HideHeaders();
        table.AddRow("folder", Terminal.Escape(r.Folder));
        table.AddRow("episodes", string.Create(CultureInfo.InvariantCulture, $"{m.Counts.EpisodesReleased} of {m.Counts.EpisodesConsidered} ({m.Counts.EpisodeRows} rows{(m.Counts.ItemRows is { } n ? $", {n} item rows" : "")})"));
        table.AddRow("k / ℓ achieved", string.Create(CultureInfo.InvariantCulture, $"{d.KAchieved} / {d.LAchieved} (asked {m.Parameters.K} / {m.Parameters.L})"));
        table.AddRow("generalisation", Terminal.Escape(string.Join(", ", d.Generalisation.Select(kv => $"{kv.Key}: {kv.Value}"))));
        table.AddRow("suppressed", string.Create(CultureInfo.InvariantCulture, $"{d.SuppressedEpisodes} episodes ({d.SuppressedShare:P2}), {d.WithheldEpisodes} withheld"));
        table.AddRow("across exports", Terminal.Escape(string.Create(CultureInfo.InvariantCulture,
            $"k {m.CrossRelease.KAchievedJointly} / ℓ {m.CrossRelease.LAchievedJointly} jointly with {m.CrossRelease.EarlierExports.Count} earlier export(s)")));
        table.AddRow("prosecutor risk", string.Create(CultureInfo.InvariantCulture, $"highest {d.Risk.Highest:0.####}, average {d.Risk.Average:0.####}"));
        table.AddRow("aggregate run", m.AggregateRunId?.ToString(CultureInfo.InvariantCulture) ?? "none yet");
        table.AddRow("log entry", string.Create(CultureInfo.InvariantCulture, $"#{r.LogEntry.EntryId} {r.LogEntry.EntryHash}"));
        Terminal.Out.Write(table);
        Terminal.Out.Say(
            $"export key kept in {r.KeyFile} (mode 0600, outside the store and the export): needed only to link a later export with --link-with {r.ExportId}; delete it to make this export unlinkable for good.");
    }

    private static void PrintLog(IReadOnlyList<ExportLogEntry> entries)
    {
        if (entries.Count == 0)
        {
            Terminal.Out.MarkupLine("no exports yet");
            return;
        }
        // One short block per entry: a wide table would wrap ids and purposes on an 80-column terminal.
        foreach (var e in entries)
        {
            Terminal.Out.Say($"[bold]#{e.EntryId}[/] {e.ExportId}  {e.CreatedAt}  by {e.UserName}{(e.LinkedExportId is null ? "" : $"  linked with {e.LinkedExportId}")}");
            Terminal.Out.Say($"    purpose: {e.Purpose}");
            Terminal.Out.Say($"    k / ℓ / highest risk: {RiskSummary(e.Risk)}   entry hash {e.EntryHash[..16]}…");
        }
    }

    private static string RiskSummary(string riskJson)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(riskJson);
            var r = doc.RootElement;
            return string.Create(CultureInfo.InvariantCulture,
                $"{r.GetProperty("k_achieved").GetInt32()} / {r.GetProperty("l_achieved").GetInt32()} / {r.GetProperty("prosecutor_highest").GetDouble():0.###}");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "(unreadable: see verification)";
        }
    }
}
