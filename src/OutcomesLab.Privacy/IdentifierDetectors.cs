using System.Text.RegularExpressions;

namespace OutcomesLab.Privacy;

/// <summary>
/// Detectors for values that look like direct identifiers (docs/contracts/exchange-format.md,
/// "Refusals"). They fail closed: a value that might be an identifier is treated as one. Each
/// returns only whether it matched; callers report the rule name, never the value.
/// </summary>
public static partial class IdentifierDetectors
{
    public const string EmailRule = "e-mail address";
    public const string PhoneRule = "phone number";
    public const string NhsRule = "NHS number";
    public const string SsnRule = "social-security number";
    public const string PostcodeRule = "UK postcode";
    public const string UrlRule = "URL";
    public const string IpRule = "IP address";
    public const string LongDigitIdRule = "id of 9 or more digits";

    /// <summary>The first rule the value matches, or null when it looks like no identifier.</summary>
    /// <remarks>
    /// Runs on every value of every file, so a cheap scan first decides which detectors can possibly
    /// match (no '@' → no e-mail, fewer than 9 digits → no phone/NHS/SSN/long id, …).
    /// </remarks>
    public static string? Detect(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = LookAlikes.Fold(value);
        if (UuidPattern().IsMatch(value)) return null;
        int digits = 0;
        bool at = false, dot = false, colon = false, slash = false, separator = false, digitThenTwoLetters = false;
        for (var i = 0; i < value.Length; i++)
        {
            var ch = value[i];
            if (char.IsAsciiDigit(ch))
            {
                digits++;
                if (i + 2 < value.Length && char.IsAsciiLetter(value[i + 1]) && char.IsAsciiLetter(value[i + 2])) digitThenTwoLetters = true;
            }
            else if (ch == '@') at = true;
            else if (ch == '.') dot = true;
            else if (ch == ':') colon = true;
            else if (ch == '/') slash = true;
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '+') separator = true;
        }
        if (at && IsEmail(value)) return EmailRule;
        if ((slash || dot) && IsUrl(value)) return UrlRule;
        if ((dot || colon) && IsIpAddress(value)) return IpRule;
        if (digits < 9 && !digitThenTwoLetters) return null;
        // Numbers and postcodes are looked for with every separator ('_', '-', '.', '/', …) read as one
        // space, so 943_476_5919 and SW1A-1AA are what they are.
        var spaced = separator ? Spaced(value) : value;
        if (digits >= 9)
        {
            if (IsNhsNumber(spaced)) return NhsRule;
            if (IsSsn(spaced)) return SsnRule;
            if (IsPhone(spaced)) return PhoneRule;
            if (IsLongDigitId(spaced.Replace(" ", "", StringComparison.Ordinal))) return LongDigitIdRule;
        }
        if (digitThenTwoLetters && IsUkPostcode(spaced)) return PostcodeRule;
        return null;
    }

    /// <summary>Every run of characters other than letters, digits and '+' as one space.</summary>
    private static string Spaced(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch == '+') sb.Append(ch);
            else if (sb.Length == 0 || sb[^1] != ' ') sb.Append(' ');
        }
        return sb.ToString();
    }

    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    public static bool IsUrl(string value) => UrlPattern().IsMatch(value);

    /// <summary>IPv4 dotted quads (each part ≤ 255) and anything that parses as an IPv6 address.</summary>
    public static bool IsIpAddress(string value)
    {
        foreach (Match m in Ipv4Pattern().Matches(value))
        {
            if (m.Value.Split('.').All(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255)) return true;
        }
        foreach (Match m in Ipv6CandidatePattern().Matches(value))
        {
            if (m.Value.Count(ch => ch == ':') >= 2
                && System.Net.IPAddress.TryParse(m.Value, out var ip)
                && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) return true;
        }
        return false;
    }

    /// <summary>
    /// A UK NHS number: 10 digits (optionally spaced or dashed 3-3-4) whose modulus-11 check digit is
    /// right: weights 10..2 on the first nine digits, check = 11 − (sum mod 11), 11 → 0, 10 → invalid.
    /// </summary>
    public static bool IsNhsNumber(string value)
    {
        foreach (Match m in NhsPattern().Matches(value))
        {
            var digits = m.Value.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
            if (digits.Length != 10) continue;
            var sum = 0;
            for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
            var check = 11 - sum % 11;
            if (check == 11) check = 0;
            if (check != 10 && check == digits[9]) return true;
        }
        return false;
    }

    /// <summary>US social-security number pattern AAA-GG-SSSS (with dashes or spaces).</summary>
    public static bool IsSsn(string value) => SsnPattern().IsMatch(value);

    /// <summary>
    /// A phone number: an optional +, then 10 to 15 digits with the usual separators (space, dash, dot,
    /// parentheses). Dates (8 digits) and scores never reach 10 digits.
    /// </summary>
    public static bool IsPhone(string value)
    {
        foreach (Match m in PhoneCandidatePattern().Matches(value))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits is >= 10 and <= 15) return true;
        }
        return false;
    }

    /// <summary>Nothing but digits, 9 or more of them (phone, NHS, social-security or record number).</summary>
    public static bool IsLongDigitId(string value)
    {
        var v = value.Trim();
        return v.Length >= 9 && v.All(char.IsAsciiDigit);
    }

    /// <summary>A UK postcode (outward code, optional space, inward code), e.g. SW1A 1AA, M1 1AE.</summary>
    public static bool IsUkPostcode(string value) => PostcodePattern().IsMatch(value);

    /// <summary>A UUID in its canonical 8-4-4-4-12 form: an id shape sources use, whose hex groups can hold long digit runs.</summary>
    [GeneratedRegex(@"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?i)\b(?:https?|ftp)://|\bwww\.[a-z0-9\-]+\.[a-z]{2,}")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"[0-9A-Fa-f:]{2,}")]
    private static partial Regex Ipv6CandidatePattern();

    [GeneratedRegex(@"(?<!\d)\d{3}[ \-]?\d{3}[ \-]?\d{4}(?!\d)")]
    private static partial Regex NhsPattern();

    [GeneratedRegex(@"(?<!\d)\d{3}[ \-]\d{2}[ \-]\d{4}(?!\d)")]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"\+?\(?\d[\d \-.()]{8,}\d")]
    private static partial Regex PhoneCandidatePattern();

    [GeneratedRegex(@"(?i)(?<![a-z0-9])(?:[a-z]{1,2}\d[a-z\d]?|GIR) ?\d[abd-hjlnp-uw-z]{2}(?![a-z0-9])")]
    private static partial Regex PostcodePattern();
}
