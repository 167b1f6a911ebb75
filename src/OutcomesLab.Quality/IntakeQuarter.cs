using System.Globalization;
using System.Text.RegularExpressions;

namespace OutcomesLab.Quality;

/// <summary>A calendar quarter of intake, written <c>2025-Q3</c> (the form of trends.csv's intake_quarter).</summary>
public readonly partial record struct IntakeQuarter(int Year, int Quarter)
{
    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex Pattern();

    /// <summary>Parses <c>YYYY-Qn</c>; a bad value gets a message that says what form is expected.</summary>
    public static IntakeQuarter Parse(string value)
    {
        var m = Pattern().Match(value.Trim());
        if (!m.Success) throw new FormatException("a period must look like 2025-Q3 (year, dash, Q1–Q4)");
        return new IntakeQuarter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value[0] - '0');
    }

    /// <summary>The quarter of an intake month <c>YYYY-MM</c>; null when the month is malformed.</summary>
    public static IntakeQuarter? OfMonth(string intakeMonth)
    {
        if (intakeMonth.Length != 7 || intakeMonth[4] != '-'
            || !int.TryParse(intakeMonth.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(intakeMonth.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12)
            return null;
        return new IntakeQuarter(year, (month - 1) / 3 + 1);
    }

    public bool Contains(string intakeMonth) => OfMonth(intakeMonth) == this;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Quarter}");
}
