using System.Globalization;
using OutcomesLab.Storage;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Audit;

/// <summary>
/// The export log's witness outside the store: a text file with one line per log entry,
/// <c>&lt;entry id&gt; &lt;export id&gt; &lt;entry hash&gt;</c>, appended and flushed to disk inside the store's
/// write transaction, before it commits. A hash chain inside the store only shows that nothing before its
/// head changed; against this file, a removed newest entry or a rewritten entry with a recomputed chain
/// no longer matches. It sits beside the pseudonym key unless OutcomesLab:ExportLogAnchor names another
/// place; every host that writes exports must reach the same file.
/// </summary>
public sealed class ExportLogAnchor(string path)
{
    public const string DefaultSuffix = ".export-log-anchor";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The configured file, or <c>&lt;key file&gt;.export-log-anchor</c> (for SQLite the key defaults to <c>&lt;store&gt;.key</c>).</summary>
    public static ExportLogAnchor ForStore(StoreLocation store, string? keyFile, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return new ExportLogAnchor(configured);
        var key = keyFile;
        if (string.IsNullOrWhiteSpace(key))
        {
            if (store.Dialect == Dialect.Postgres)
                throw new InvalidDataException("OutcomesLab:KeyFile is required for a PostgreSQL store (the export log's anchor is kept beside it)");
            key = Privacy.PseudonymKey.DefaultPathFor(store);
        }
        return new ExportLogAnchor(System.IO.Path.GetFullPath(key) + DefaultSuffix);
    }

    /// <summary>The default place for a key folder <c>&lt;key file&gt;.export-keys</c>: <c>&lt;key file&gt;.export-log-anchor</c>.</summary>
    public static ExportLogAnchor BesideKeys(string keyFolder)
    {
        const string keys = ".export-keys";
        var full = System.IO.Path.GetFullPath(keyFolder).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        return new ExportLogAnchor((full.EndsWith(keys, StringComparison.Ordinal) ? full[..^keys.Length] : full) + DefaultSuffix);
    }

    public bool Exists => File.Exists(Path);

    private sealed record Line(long EntryId, string ExportId, string EntryHash);

    private IReadOnlyList<Line> Read()
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var text in File.ReadLines(Path))
        {
            number++;
            if (text.Length == 0) continue;
            var parts = text.Split(' ');
            if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw new InvalidDataException($"line {number} of the export log anchor {Path} is not '<entry id> <export id> <entry hash>'");
            lines.Add(new Line(id, parts[1], parts[2]));
        }
        return lines;
    }

    /// <summary>
    /// The log's own chain, then the anchor: every anchored entry must be in the log with the same export id
    /// and hash, and the log may hold nothing after the last anchored entry. The first problem is reported.
    /// </summary>
    public ChainVerification Verify(IReadOnlyList<ExportLogEntry> entries)
    {
        var chain = ExportLog.Verify(entries);
        if (!chain.Intact) return chain;
        if (!Exists)
        {
            return entries.Count == 0 ? chain : chain with
            {
                Intact = false,
                Problem = $"the export log's anchor {Path} is missing, so a removed or rewritten entry cannot be ruled out (the next export re-creates it from the log as it is then)",
            };
        }
        IReadOnlyList<Line> anchored;
        try
        {
            anchored = Read();
        }
        catch (InvalidDataException e)
        {
            return chain with { Intact = false, Problem = e.Message };
        }
        var byId = entries.ToDictionary(e => e.EntryId);
        foreach (var a in anchored)
        {
            if (!byId.TryGetValue(a.EntryId, out var e))
                return chain with
                {
                    Intact = false, BrokenAtEntry = a.EntryId,
                    Problem = $"entry {a.EntryId} ({a.ExportId}) is in the anchor {Path} but not in the store's log: it was removed (or its export failed while being committed)",
                };
            if (e.ExportId != a.ExportId || e.EntryHash != a.EntryHash)
                return chain with
                {
                    Intact = false, BrokenAtEntry = a.EntryId,
                    Problem = $"entry {a.EntryId} ({e.ExportId}) does not match the anchor {Path}: the log was rewritten and its chain recomputed",
                };
        }
        var last = anchored.Count == 0 ? 0 : anchored[^1].EntryId;
        if (entries.FirstOrDefault(e => e.EntryId > last) is { } extra)
            return chain with
            {
                Intact = false, BrokenAtEntry = extra.EntryId,
                Problem = $"entry {extra.EntryId} ({extra.ExportId}) is not in the anchor {Path}: it was not written by an export, or the anchor was replaced by an older copy",
            };
        if (anchored.Count != entries.Count)
            return chain with { Intact = false, Problem = $"the anchor {Path} and the store's log list different entries" };
        return chain;
    }

    /// <summary>Writes the entries as the anchor's first lines, when there is no anchor yet (a log from before anchors, or a lost anchor).</summary>
    public void Seed(IReadOnlyList<ExportLogEntry> entries)
    {
        foreach (var e in entries) Append(e);
    }

    /// <summary>Appends one entry's line and flushes it to disk; creates the file (0600, folder as it is) if needed.</summary>
    public void Append(ExportLogEntry e)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(Path, options);
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{e.EntryId} {e.ExportId} {e.EntryHash}\n"));
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Takes back the last line when it is <paramref name="e"/>'s: its store transaction did not commit. Best effort
    /// (an append-only file cannot be cut): a line left behind reads as "removed, or failed while being committed".
    /// </summary>
    public void RemoveLast(ExportLogEntry e)
    {
        try
        {
            CutLast(e);
        }
        catch (Exception x) when (x is IOException or UnauthorizedAccessException)
        {
            // The export's own failure is what the caller reports.
        }
    }

    private void CutLast(ExportLogEntry e)
    {
        if (!Exists) return;
        var lines = File.ReadAllLines(Path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || lines[^1] != string.Create(CultureInfo.InvariantCulture, $"{e.EntryId} {e.ExportId} {e.EntryHash}")) return;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Write);
        stream.SetLength(lines.Take(lines.Count - 1).Sum(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1L));
        stream.Flush(flushToDisk: true);
    }
}
