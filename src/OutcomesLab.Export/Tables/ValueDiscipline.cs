using System.Text.RegularExpressions;

namespace OutcomesLab.Export.Tables;

/// <summary>
/// "No date finer than a quarter, no free text", checked on the final table rather than trusted:
/// a text cell must be one of its column's listed values, or (for the pseudonym columns, which have no
/// list) an export pseudonym or <c>*</c>; and no text cell may look like a month or a day.
/// </summary>
public static partial class ValueDiscipline
{
    [GeneratedRegex("^[et][a-p]{32}$")]
    private static partial Regex PseudonymPattern();

    // YYYY-MM or YYYY-MM-DD anywhere in a value (a quarter is YYYY-Qn and does not match).
    [GeneratedRegex(@"\d{4}-\d{2}(\b|-)")]
    private static partial Regex FineDatePattern();

    public static bool LooksLikeFineDate(string value) => FineDatePattern().IsMatch(value);

    /// <summary>The first violation as "table row N column C: why", or null.</summary>
    public static string? FirstViolation(ExportTable table)
    {
        var allowed = table.Columns.Select(c => c.AllowedValues?.ToHashSet(StringComparer.Ordinal)).ToArray();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is not string s) continue;
                var where = $"{table.Name} row {r + 1} column {table.Columns[c].Name}";
                if (LooksLikeFineDate(s)) return $"{where}: a date finer than a quarter";
                if (allowed[c] is { } set)
                {
                    if (!set.Contains(s)) return $"{where}: a value outside the column's codebook list";
                }
                else if (s != "*" && !PseudonymPattern().IsMatch(s))
                {
                    return $"{where}: free text where a pseudonym belongs";
                }
            }
        }
        return null;
    }
}
