using System.Globalization;
using System.Text;

namespace OutcomesLab.Analytics.Csv;

/// <summary>RFC 4180 fields and lines for the published files: CRLF line ends, quotes only where needed.</summary>
public static class CsvText
{
    public const string LineEnd = "\r\n";

    /// <summary>A text cell: neutralised against formula injection, quoted where needed.</summary>
    public static string Field(string text)
    {
        var value = FormulaCells.Neutralise(text);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Number(double? value) => value is { } v ? RoundTripNumber.Format(v) : "";
    public static string Count(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";
    public static string Flag(bool value) => value ? "true" : "false";

    /// <summary>Splits one CSV record (RFC 4180) read from <paramref name="reader"/>; null at end of input.</summary>
    public static List<string>? ReadRecord(TextReader reader)
    {
        var first = reader.Peek();
        if (first < 0) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (quoted) throw new InvalidDataException("a quoted field is not closed before the end of the file");
                fields.Add(field.ToString());
                return fields;
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append((char)c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    if (reader.Peek() == '\n') reader.Read();
                    fields.Add(field.ToString());
                    return fields;
                case '\n':
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}
