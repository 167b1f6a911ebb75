using OutcomesLab.Ingest;
using Spectre.Console;

namespace OutcomesLab.Cli;

/// <summary>Prints a pull's summary and its refusal report (batch, file, line, column, rule — never a value).</summary>
public static class SummaryPrinter
{
    public const int MaxRefusalsShown = 50;

    public static void Print(PullSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("ingest summary");
        table.AddColumn("");
        table.AddColumn(new TableColumn("count").RightAligned());
        void Row(string name, long n) => table.AddRow(name, n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Row("batches new", s.BatchesNew);
        Row("batches already ingested", s.BatchesSeen);
        Row("episodes stored", s.EpisodesStored);
        Row("episodes updated", s.EpisodesUpdated);
        Row("answers stored", s.AnswersStored);
        Row("answers updated", s.AnswersUpdated);
        Row("answers pending (episode not yet arrived)", s.AnswersPending);
        Row("pending answers resolved", s.PendingResolved);
        Row("rows refused", s.RowsRefused);
        Row("files refused", s.FilesRefused);
        Terminal.Out.Write(table);
        if (s.Refusals.Count == 0) return;
        var report = new Table().Border(TableBorder.Simple).Title($"refusal report (pull {s.PullId})");
        foreach (var c in new[] { "batch", "file", "line", "column", "rule" }) report.AddColumn(c);
        foreach (var r in s.Refusals.Take(MaxRefusalsShown))
            report.AddRow(Terminal.Escape(r.Batch), Terminal.Escape(r.File), r.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Terminal.Escape(r.Column ?? ""), Terminal.Escape(r.Rule + (r.WholeFile ? " — whole file refused" : "")));
        Terminal.Out.Write(report);
        if (s.Refusals.Count > MaxRefusalsShown)
            Terminal.Out.Say($"… and {s.Refusals.Count - MaxRefusalsShown} more; `outcomeslab status --refusals` lists them all.");
    }
}
