using System.Globalization;

namespace OutcomesLab.Jobs.Web;

/// <summary>How the web UI writes numbers and times (encoding is the templates' job).</summary>
internal static class UiText
{
    /// <summary>A count with thousands separators, invariant culture.</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>ISO timestamps as stored (round-trip "O"), shown to the minute.</summary>
    public static string Minutes(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : iso;
}
