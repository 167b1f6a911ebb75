using System.Security.Cryptography;
using System.Text;

namespace OutcomesLab.Reporting.Report;

/// <summary>
/// File names for charts built from catalog codes. Codes of the default catalog are already safe
/// (<c>low_desire</c>, <c>SAT</c>); anything else is reduced to [A-Za-z0-9_-] and given a short hash of the original,
/// so two different codes can never write the same file and no code can escape the folder.
/// </summary>
public static class FileStems
{
    public static string Slug(string code)
    {
        var sb = new StringBuilder(code.Length);
        foreach (var c in code)
            sb.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' ? c : '-');
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 0 && slug.Length <= 60 && string.Equals(slug, code, StringComparison.Ordinal)) return slug;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)))[..8].ToLowerInvariant();
        return (slug.Length > 40 ? slug[..40] : slug) + "-" + hash;
    }

    public static string For(string instrument, string? concern, string recipe) =>
        concern is null ? $"{Slug(instrument)}-overview-{recipe}" : $"{Slug(instrument)}-{Slug(concern)}-{recipe}";
}
