using System.Text.Encodings.Web;

namespace OutcomesLab.Jobs.Web;

/// <summary>HTML encoding for the web UI's pages (every value from the store or the file system goes through it).</summary>
internal static class Html
{
    public static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");

    public static string E(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
