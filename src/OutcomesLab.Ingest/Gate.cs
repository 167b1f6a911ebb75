using System.Globalization;
using OutcomesLab.Domain;
using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest;

/// <summary>
/// The privacy boundary: turns exchange-format rows into the only records the store accepts
/// (<see cref="GatedEpisode"/>, <see cref="GatedAnswer"/>), or into refusals that name batch, file,
/// line, column and rule — never the value. Ids become keyed pseudonyms, ages bands, dates months
/// plus key-shifted day numbers.
/// </summary>
public sealed class Gate(GateOptions options, PseudonymKey key)
{
    private readonly Dictionary<string, string> concerns = CaseInsensitive(options.Catalog.PresentingConcerns);
    private readonly Dictionary<string, string> approaches = CaseInsensitive(options.Catalog.Approaches);
    private readonly Dictionary<string, Instrument> instruments =
        options.Catalog.Instruments.Values.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> items = options.Catalog.Instruments.Values
        .ToDictionary(i => i.Code, i => CaseInsensitive(i.Items), StringComparer.Ordinal);
    private readonly Dictionary<string, string> formats = CaseInsensitive(Codes.Formats);
    private readonly Dictionary<string, string> genders = CaseInsensitive(Codes.GenderIdentities);
    private readonly Dictionary<string, string> orientations = CaseInsensitive(Codes.SexualOrientations);
    private readonly Dictionary<string, string> endReasons = CaseInsensitive(Codes.EndReasons);
    private readonly HashSet<string> ignored = new(options.IgnoredColumns, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> CaseInsensitive(IEnumerable<string> codes) =>
        codes.ToDictionary(c => c, c => c, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Checks a header. Returns, per file column, the index into the canonical column list (−1 for an
    /// ignored column), or a whole-file refusal: unknown column, duplicate column, missing required column.
    /// An unknown column is named by position only, since a header cell may itself hold personal data.
    /// </summary>
    public int[]? MapHeader(SourceFile file, IReadOnlyList<string> header, out Refusal? refusal)
    {
        var (columns, required) = file.Kind == FileKind.Episodes
            ? (ExchangeFormat.EpisodeColumns, ExchangeFormat.EpisodeRequired)
            : (ExchangeFormat.ResponseColumns, ExchangeFormat.ResponseRequired);
        var map = new int[header.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (IdentifierDetectors.Detect(name) is { } rule)
            {
                refusal = file.Refuse(1, $"#{i + 1}", $"header cell looks like a direct identifier ({rule})");
                return null;
            }
            var index = IndexOf(columns, name);
            if (index < 0)
            {
                if (ignored.Contains(name)) { map[i] = -1; continue; }
                refusal = file.Refuse(1, $"#{i + 1}", "column is not in the exchange format (possible identifier; list it as ignored in configuration if it is safe)");
                return null;
            }
            if (!seen.Add(index))
            {
                refusal = file.Refuse(1, columns[index], "column appears twice in the header");
                return null;
            }
            map[i] = index;
        }
        foreach (var r in required)
        {
            if (!seen.Contains(IndexOf(columns, r)))
            {
                refusal = file.Refuse(1, r, "required column is missing");
                return null;
            }
        }
        refusal = null;
        return map;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>The first value of a row that looks like a direct identifier: (column, rule), or null.</summary>
    public static (string Column, string Rule)? FindIdentifier(IReadOnlyList<string> columns, string?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is { Length: > 0 } v && IdentifierDetectors.Detect(v) is { } rule) return (columns[i], rule);
        }
        return null;
    }

    /// <summary>One episodes.csv row (canonical column order) to a gated episode, or a row refusal.</summary>
    public GatedEpisode? Episode(SourceFile file, long line, string?[] f, out Refusal? refusal)
    {
        var problem = CheckEpisode(f, out var e);
        refusal = problem is { } p ? file.Refuse(line, p.Column, p.Rule) : null;
        if (refusal is not null) return null;
        var shift = key.DayShift(e.EpisodeId);
        return new GatedEpisode(
            new SourceLine(file.Batch, file.Name, line),
            key.Pseudonym("ep", e.EpisodeId), key.Pseudonym("cl", e.ClientId),
            e.CoupleId is null ? null : key.Pseudonym("cp", e.CoupleId),
            e.SiteId, e.TherapistId, e.Concern, e.Approach, e.Format, Codes.AgeBand(e.Age), e.Gender, e.Orientation,
            Month(e.Intake), e.Intake.DayNumber + shift,
            e.End is { } end ? end.DayNumber - e.Intake.DayNumber : null,
            e.EndReason);
    }

    private readonly record struct EpisodeFields(
        string EpisodeId, string ClientId, string? CoupleId, string SiteId, string TherapistId, string Concern,
        string Approach, string Format, int Age, string Gender, string Orientation, DateOnly Intake, DateOnly? End,
        string EndReason);

    private const string MalformedId = "malformed id (letters, digits, '_' and '-', at most 64)";
    private const string BadDate = "malformed or impossible date (YYYY-MM-DD)";

    private (string Column, string Rule)? CheckEpisode(string?[] f, out EpisodeFields e)
    {
        e = default;
        var columns = ExchangeFormat.EpisodeColumns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.IsNullOrEmpty(f[i]) && ExchangeFormat.EpisodeRequired.Contains(columns[i])) return (columns[i], "required field is empty");
            if (i <= 4 && !string.IsNullOrEmpty(f[i]) && !IsId(f[i]!)) return (columns[i], MalformedId);
        }
        if (!concerns.TryGetValue(f[5]!, out var concern)) return ("presenting_concern", "unknown presenting concern code");
        if (!approaches.TryGetValue(f[6]!, out var approach)) return ("approach", "unknown approach code");
        if (!formats.TryGetValue(f[7]!, out var format)) return ("format", "unknown format (individual or couple)");
        if (!int.TryParse(f[8], NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            || age < ExchangeFormat.MinAge || age > ExchangeFormat.MaxAge) return ("age_at_intake", "age must be a whole number from 16 to 120");
        if (!genders.TryGetValue(f[9]!, out var gender)) return ("gender_identity", "unknown gender identity code");
        if (!orientations.TryGetValue(f[10]!, out var orientation)) return ("sexual_orientation", "unknown sexual orientation code");
        if (!TryDate(f[11], out var intake)) return ("intake_date", BadDate);
        DateOnly? end = null;
        if (!string.IsNullOrEmpty(f[12]))
        {
            if (!TryDate(f[12], out var d)) return ("end_date", BadDate);
            if (d < intake) return ("end_date", "end_date is before intake_date");
            end = d;
        }
        var endReason = "ongoing";
        if (!string.IsNullOrEmpty(f[13]) && !endReasons.TryGetValue(f[13]!, out endReason!)) return ("end_reason", "unknown end reason code");
        e = new EpisodeFields(f[0]!, f[1]!, string.IsNullOrEmpty(f[2]) ? null : f[2], f[3]!, f[4]!, concern, approach, format,
            age, gender, orientation, intake, end, endReason);
        return null;
    }

    /// <summary>One responses.csv row (canonical column order) to a gated answer, or a row refusal.</summary>
    public GatedAnswer? Answer(SourceFile file, long line, string?[] f, out Refusal? refusal)
    {
        // Rows of one administration repeat its header (ids, instrument, date, session) as the very same
        // string instances (the reader reuses a value equal to the row above): check and derive it once.
        if (!headKnown || !ReferenceEquals(f[0], head[0]) || !ReferenceEquals(f[1], head[1]) || !ReferenceEquals(f[2], head[2])
            || !ReferenceEquals(f[3], head[3]) || !ReferenceEquals(f[4], head[4]))
        {
            Array.Copy(f, head, head.Length);
            headKnown = true;
            headProblem = CheckAnswerHeader(f, out headEmpty, out headInstrument, out var date, out headSession);
            if (headProblem is null) Pseudonymise(f[0]!, f[1]!, date);
        }
        string? item = null;
        int? value = null;
        var problem = headEmpty ? headProblem
            : string.IsNullOrEmpty(f[5]) ? ("item", "required field is empty")
            : headProblem ?? CheckItem(headInstrument!, f, out item, out value);
        refusal = problem is { } p ? file.Refuse(line, p.Column, p.Rule) : null;
        if (refusal is not null) return null;
        var i = headInstrument!;
        var scored = value is { } v && i.ReverseItems.Contains(item!) ? i.ItemMin + i.ItemMax - v : value;
        return new GatedAnswer(new SourceLine(file.Batch, file.Name, line),
            lastAdministrationRef!, lastEpisodeRef!, i.Code, headDay, headSession, item!, value, scored);
    }

    private readonly string?[] head = new string?[5];
    private bool headKnown;
    private (string Column, string Rule)? headProblem;
    private bool headEmpty;
    private Instrument? headInstrument;
    private int headSession, headDay;
    private string? lastEpisodeId, lastEpisodeRef, lastAdministrationId, lastAdministrationRef;
    private int lastShift;

    private void Pseudonymise(string administrationId, string episodeId, DateOnly date)
    {
        if (!string.Equals(episodeId, lastEpisodeId, StringComparison.Ordinal))
            (lastEpisodeId, lastEpisodeRef, lastShift) = (episodeId, key.Pseudonym("ep", episodeId), key.DayShift(episodeId));
        if (!string.Equals(administrationId, lastAdministrationId, StringComparison.Ordinal))
            (lastAdministrationId, lastAdministrationRef) = (administrationId, key.Pseudonym("ad", administrationId));
        headDay = date.DayNumber + lastShift;
    }

    /// <summary>
    /// The header columns of a responses row. <paramref name="empty"/>: the problem is an empty
    /// required field, which is reported before any malformed one (as the item's emptiness is).
    /// </summary>
    private (string Column, string Rule)? CheckAnswerHeader(string?[] f, out bool empty, out Instrument? instrument,
        out DateOnly date, out int session)
    {
        instrument = null; date = default; session = 0; empty = false;
        var columns = ExchangeFormat.ResponseColumns;
        for (var i = 0; i < 5; i++)
        {
            if (string.IsNullOrEmpty(f[i]) && ExchangeFormat.ResponseRequired.Contains(columns[i]))
            {
                empty = true;
                return (columns[i], "required field is empty");
            }
        }
        if (!IsId(f[0]!)) return ("administration_id", MalformedId);
        if (!IsId(f[1]!)) return ("episode_id", MalformedId);
        if (!instruments.TryGetValue(f[2]!, out instrument)) return ("instrument", "unknown instrument code");
        if (!TryDate(f[3], out date)) return ("administered_date", BadDate);
        if (!int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out session) || session > ExchangeFormat.MaxSession)
            return ("session_number", "session_number must be a whole number from 0 to 500");
        return null;
    }

    private (string Column, string Rule)? CheckItem(Instrument instrument, string?[] f, out string? item, out int? value)
    {
        value = null;
        if (!items[instrument.Code].TryGetValue(f[5]!, out item)) return ("item", $"item is not an item of instrument {instrument.Code}");
        if (!string.IsNullOrEmpty(f[6]))
        {
            if (!int.TryParse(f[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return ("value", "value is not a whole number");
            if (v < instrument.ItemMin || v > instrument.ItemMax) return ("value", $"value outside the item's range {instrument.ItemMin}-{instrument.ItemMax}");
            value = v;
        }
        return null;
    }

    private static bool TryDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>docs/contracts/exchange-format.md ids: <c>^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$</c>, checked by hand on the hot path.</summary>
    internal static bool IsId(string s)
    {
        if (s.Length is 0 or > 64 || !char.IsAsciiLetterOrDigit(s[0])) return false;
        foreach (var ch in s)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_' && ch != '-') return false;
        }
        return true;
    }
}
