using System.Globalization;
using System.Text;
using OutcomesLab.Domain;

namespace OutcomesLab.Analytics.Csv;

/// <summary>
/// aggregates.csv, trajectories.csv and trends.csv exactly as docs/contracts/metrics.md
/// specifies: columns in order, empty cells for figures that cannot be computed or are suppressed,
/// <c>true</c>/<c>false</c>, counts as integers, other numbers at full round-trip precision
/// (<see cref="RoundTripNumber"/>), UTF-8 without BOM, CRLF line ends. Reading checks the header and
/// names file, line and column of anything malformed (never the value). Text cells are neutralised
/// against formula injection (<see cref="FormulaCells"/>) and restored when read.
/// </summary>
public static class AggregateCsv
{
    public const string AggregatesFile = "aggregates.csv";
    public const string TrajectoriesFile = "trajectories.csv";
    public const string TrendsFile = "trends.csv";

    public static readonly IReadOnlyList<string> AggregateColumns =
    [
        "instrument", "presenting_concern", "approach", "population", "n_episodes", "n_paired",
        "baseline_mean", "baseline_sd", "final_mean", "final_sd", "change_mean", "change_sd", "r_pre_post",
        "effect_size_g", "g_ci_low", "g_ci_high", "n_reliably_improved", "pct_reliably_improved",
        "n_reliably_deteriorated", "pct_reliably_deteriorated", "n_clinical_baseline", "n_recovered",
        "pct_recovered", "n_reliably_recovered", "pct_reliably_recovered", "suppressed",
    ];

    public static readonly IReadOnlyList<string> TrajectoryColumns =
        ["instrument", "presenting_concern", "approach", "session_number", "n", "mean", "sd", "ci_low", "ci_high", "suppressed"];

    public static readonly IReadOnlyList<string> TrendColumns =
    [
        "instrument", "presenting_concern", "approach", "intake_quarter", "n_paired", "effect_size_g",
        "g_ci_low", "g_ci_high", "pct_reliably_improved", "suppressed",
    ];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the three files of a run into <paramref name="folder"/> (created when missing).</summary>
    public static void WriteAll(string folder, AggregateRun run)
    {
        Directory.CreateDirectory(folder);
        WriteAggregates(Path.Combine(folder, AggregatesFile), run.Aggregates);
        WriteTrajectories(Path.Combine(folder, TrajectoriesFile), run.Trajectories);
        WriteTrends(Path.Combine(folder, TrendsFile), run.Trends);
    }

    public static void WriteAggregates(string path, IReadOnlyList<AggregateRow> rows) => WriteFile(path, w => WriteAggregates(w, rows));
    public static void WriteTrajectories(string path, IReadOnlyList<TrajectoryRow> rows) => WriteFile(path, w => WriteTrajectories(w, rows));
    public static void WriteTrends(string path, IReadOnlyList<TrendRow> rows) => WriteFile(path, w => WriteTrends(w, rows));

    public static void WriteAggregates(TextWriter w, IReadOnlyList<AggregateRow> rows)
    {
        WriteLine(w, AggregateColumns);
        foreach (var r in rows)
        {
            WriteLine(w,
            [
                CsvText.Field(r.Instrument), CsvText.Field(r.PresentingConcern), CsvText.Field(r.Approach), CsvText.Field(r.Population),
                CsvText.Count(r.NEpisodes), CsvText.Count(r.NPaired),
                CsvText.Number(r.BaselineMean), CsvText.Number(r.BaselineSd), CsvText.Number(r.FinalMean), CsvText.Number(r.FinalSd),
                CsvText.Number(r.ChangeMean), CsvText.Number(r.ChangeSd), CsvText.Number(r.RPrePost),
                CsvText.Number(r.EffectSizeG), CsvText.Number(r.GCiLow), CsvText.Number(r.GCiHigh),
                CsvText.Count(r.NReliablyImproved), CsvText.Number(r.PctReliablyImproved),
                CsvText.Count(r.NReliablyDeteriorated), CsvText.Number(r.PctReliablyDeteriorated),
                CsvText.Count(r.NClinicalBaseline), CsvText.Count(r.NRecovered), CsvText.Number(r.PctRecovered),
                CsvText.Count(r.NReliablyRecovered), CsvText.Number(r.PctReliablyRecovered), CsvText.Flag(r.Suppressed),
            ]);
        }
    }

    public static void WriteTrajectories(TextWriter w, IReadOnlyList<TrajectoryRow> rows)
    {
        WriteLine(w, TrajectoryColumns);
        foreach (var r in rows)
        {
            WriteLine(w,
            [
                CsvText.Field(r.Instrument), CsvText.Field(r.PresentingConcern), CsvText.Field(r.Approach),
                r.SessionNumber.ToString(CultureInfo.InvariantCulture), CsvText.Count(r.N),
                CsvText.Number(r.Mean), CsvText.Number(r.Sd), CsvText.Number(r.CiLow), CsvText.Number(r.CiHigh), CsvText.Flag(r.Suppressed),
            ]);
        }
    }

    public static void WriteTrends(TextWriter w, IReadOnlyList<TrendRow> rows)
    {
        WriteLine(w, TrendColumns);
        foreach (var r in rows)
        {
            WriteLine(w,
            [
                CsvText.Field(r.Instrument), CsvText.Field(r.PresentingConcern), CsvText.Field(r.Approach), CsvText.Field(r.IntakeQuarter),
                CsvText.Count(r.NPaired), CsvText.Number(r.EffectSizeG), CsvText.Number(r.GCiLow), CsvText.Number(r.GCiHigh),
                CsvText.Number(r.PctReliablyImproved), CsvText.Flag(r.Suppressed),
            ]);
        }
    }

    public static IReadOnlyList<AggregateRow> ReadAggregates(string path) => ReadFile(path, AggregateColumns, c => new AggregateRow(
        c.Text(0), c.Text(1), c.Text(2), c.Text(3), c.Count(4), c.Count(5),
        c.Number(6), c.Number(7), c.Number(8), c.Number(9), c.Number(10), c.Number(11), c.Number(12),
        c.Number(13), c.Number(14), c.Number(15), c.Count(16), c.Number(17), c.Count(18), c.Number(19),
        c.Count(20), c.Count(21), c.Number(22), c.Count(23), c.Number(24), c.Flag(25)));

    public static IReadOnlyList<TrajectoryRow> ReadTrajectories(string path) => ReadFile(path, TrajectoryColumns, c => new TrajectoryRow(
        c.Text(0), c.Text(1), c.Text(2), checked((int)(c.Count(3) ?? throw c.Missing(3))), c.Count(4),
        c.Number(5), c.Number(6), c.Number(7), c.Number(8), c.Flag(9)));

    public static IReadOnlyList<TrendRow> ReadTrends(string path) => ReadFile(path, TrendColumns, c => new TrendRow(
        c.Text(0), c.Text(1), c.Text(2), c.Text(3), c.Count(4), c.Number(5), c.Number(6), c.Number(7), c.Number(8), c.Flag(9)));

    private static void WriteLine(TextWriter w, IReadOnlyList<string> fields)
    {
        w.Write(string.Join(',', fields));
        w.Write(CsvText.LineEnd);
    }

    // Written beside the target and moved into place, so a reader never sees half a file.
    private static void WriteFile(string path, Action<TextWriter> write)
    {
        var temp = path + ".tmp";
        using (var w = new StreamWriter(temp, append: false, Utf8NoBom))
        {
            write(w);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static List<T> ReadFile<T>(string path, IReadOnlyList<string> columns, Func<Cells, T> map)
    {
        var file = Path.GetFileName(path);
        using var reader = new StreamReader(path, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
        var header = CsvText.ReadRecord(reader) ?? throw new InvalidDataException($"{file}: empty file");
        if (!header.SequenceEqual(columns, StringComparer.Ordinal))
            throw new InvalidDataException($"{file} line 1: header is not {string.Join(',', columns)}");
        var rows = new List<T>();
        long line = 1;
        while (CsvText.ReadRecord(reader) is { } record)
        {
            line++;
            if (record is [""]) continue; // a trailing empty line
            if (record.Count != columns.Count)
                throw new InvalidDataException($"{file} line {line}: {record.Count} fields, expected {columns.Count}");
            rows.Add(map(new Cells(file, line, columns, record)));
        }
        return rows;
    }

    private readonly record struct Cells(string File, long Line, IReadOnlyList<string> Columns, List<string> Values)
    {
        public string Text(int i) => Values[i].Length > 0 ? FormulaCells.Restore(Values[i]) : throw Missing(i);

        public long? Count(int i) => Values[i].Length == 0 ? null
            : long.TryParse(Values[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
            : throw Bad(i, "a whole number");

        public double? Number(int i) => Values[i].Length == 0 ? null
            : double.TryParse(Values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw Bad(i, "a number");

        public bool Flag(int i) => Values[i] switch
        {
            "true" => true,
            "false" => false,
            _ => throw Bad(i, "true or false"),
        };

        public InvalidDataException Missing(int i) => new($"{File} line {Line} column {Columns[i]}: value required");
        private InvalidDataException Bad(int i, string what) => new($"{File} line {Line} column {Columns[i]}: not {what}");
    }
}
