using System.Globalization;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// How the reports write figures: invariant culture, no negative zero. Escaping is not done here:
/// the Razor components encode every value they write (see <c>OutcomesLab.Presentation.Pages.HtmlPages</c>).
/// </summary>
public static class Html
{
    /// <summary>A figure in invariant culture; a value that rounds to zero is never written "-0.00".</summary>
    public static string Number(double value, string format = "0.00") => Charts.ChartFrame.TickLabel(value, format);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage for prose and tables: whole percent ("38%").</summary>
    public static string Percent(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "%";
}
