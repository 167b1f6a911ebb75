using System.Globalization;

namespace OutcomesLab.Analytics.Aggregation;

/// <summary>Calendar quarter of an intake month: <c>2025-07</c> → <c>2025-Q3</c>.</summary>
public static class IntakeQuarter
{
    public static string FromMonth(string intakeMonth)
    {
        if (intakeMonth.Length != 7 || intakeMonth[4] != '-'
            || !int.TryParse(intakeMonth.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(intakeMonth.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12)
            throw new InvalidDataException("an episode's intake_month is not of the form YYYY-MM");
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{(month - 1) / 3 + 1}");
    }
}
