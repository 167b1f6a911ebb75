using System.Globalization;
using System.Net;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// HTML escaping for every piece of text and attribute the reports write: codes and names come from
/// a practice's catalog and are never trusted to be markup-free.
/// </summary>
public static class Html
{
    /// <summary>Text content or a double-quoted attribute value (WebUtility encodes &lt; &gt; &amp; " ').</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage for prose and tables: whole percent ("38%").</summary>
    public static string Percent(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "%";
}
