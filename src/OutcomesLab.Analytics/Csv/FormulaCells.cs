namespace OutcomesLab.Analytics.Csv;

/// <summary>
/// Formula-injection defence (OWASP "CSV Injection"): a spreadsheet runs a cell that begins with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or tab or carriage return) as a formula. Such a text value
/// gets a leading single quote, which spreadsheets show as text. Numbers are typed cells and are never
/// touched, so <c>-3.5</c> stays a number. Every CSV file OutcomesLab writes uses this one rule.
/// </summary>
public static class FormulaCells
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static bool NeedsNeutralising(string value) => value.Length > 0 && Array.IndexOf(Triggers, value[0]) >= 0;

    public static string Neutralise(string value) => NeedsNeutralising(value) ? "'" + value : value;

    /// <summary>The value <see cref="Neutralise"/> was given, from what it wrote.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && NeedsNeutralising(cell[1..]) ? cell[1..] : cell;
}
