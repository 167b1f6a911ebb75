using System.Globalization;
using System.Text;

namespace OutcomesLab.Export.Tables;

/// <summary>
/// RFC 4180 CSV, UTF-8 without BOM, LF line ends, header first. Numbers use invariant culture at
/// round-trip precision, never rounded for display (docs/contracts/metrics.md, "Number format");
/// booleans are <c>true</c>/<c>false</c>; an empty cell is null. Text is quoted only when it holds
/// a comma, quote or line break.
/// </summary>
public static class CsvTableWriter
{
    public static async Task WriteAsync(ExportTable table, string path, CancellationToken ct)
    {
        await using var stream = Packaging.ExportFiles.CreateNew(path, FileAccess.Write);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(c => Quote(c.Name))));
        var line = new StringBuilder();
        foreach (var row in table.Rows)
        {
            ct.ThrowIfCancellationRequested();
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(Format(row[i]));
            }
            await writer.WriteLineAsync(line, ct);
        }
    }

    public static string Format(object? cell) => cell switch
    {
        null => "",
        string s => Quote(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => throw new ArgumentException("unsupported cell type", nameof(cell)),
    };

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
