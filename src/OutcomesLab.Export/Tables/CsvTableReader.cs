using System.Text;

namespace OutcomesLab.Export.Tables;

/// <summary>A strict RFC 4180 reader for the files this project writes (verification and tests).</summary>
public static class CsvTableReader
{
    public sealed record Content(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows);

    public static async Task<Content> ReadAsync(string path, CancellationToken ct) => Parse(await File.ReadAllTextAsync(path, ct));

    public static Content Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields.ToArray());
                    fields.Clear();
                    atFieldStart = true;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }
        if (quoted) throw new InvalidDataException("a quoted CSV field is not closed");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }
        if (records.Count == 0) throw new InvalidDataException("the CSV file is empty");
        var header = records[0];
        var rows = records.Skip(1).ToList();
        if (rows.FirstOrDefault(r => r.Length != header.Length) is { } bad)
            throw new InvalidDataException($"a CSV row has {bad.Length} fields for {header.Length} columns");
        return new Content(header, rows);
    }
}
