using System.Globalization;
using System.Text;

namespace OutcomesLab.Privacy;

/// <summary>
/// Text folded to the plain ASCII shapes the identifier detectors look for, so a look-alike cannot slip
/// past them: the compatibility forms NFKC folds (full-width forms, small and full-width <c>@</c>, odd full
/// stops, circled and mathematical letters and digits), decimal digits of every script, every space, dash
/// and connector, invisible formatting characters (as spaces) and Cyrillic and Greek letters that look Latin.
/// Only for screening: the folded text is never stored or shown. The build runs with invariant
/// globalization, where string.Normalize leaves non-ASCII text as it is, so the mappings are written out.
/// </summary>
public static class LookAlikes
{
    private static readonly Dictionary<char, char> Confusables = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c',
        ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ѕ'] = 's', ['ԁ'] = 'd', ['һ'] = 'h', ['ӏ'] = 'l',
        ['ԛ'] = 'q', ['ԝ'] = 'w',
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P', ['С'] = 'C', ['Т'] = 'T',
        ['У'] = 'Y', ['Х'] = 'X', ['І'] = 'I', ['Ј'] = 'J', ['Ѕ'] = 'S',
        ['α'] = 'a', ['ε'] = 'e', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x',
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M', ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P',
        ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X', ['Ζ'] = 'Z',
    };

    public static string Fold(string text)
    {
        if (Ascii.IsValid(text)) return text;
        var s = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii) s.Append((char)rune.Value);
            else if (Compatible(rune.Value) is { } plain) s.Append(plain);
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber) s.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            else if (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) s.Append(' ');
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DashPunctuation || rune.Value == 0x2212) s.Append('-');
            else if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.ConnectorPunctuation) s.Append('_');
            else if (rune.IsBmp && Confusables.TryGetValue((char)rune.Value, out var latin)) s.Append(latin);
            else s.Append(rune.ToString());
        }
        return s.ToString();
    }

    private static char? Compatible(int c) => c switch
    {
        >= 0xFF01 and <= 0xFF5E => (char)(c - 0xFEE0),                       // full-width ASCII
        0xFE6B => '@',                                                       // small commercial at
        0xFE52 or 0x3002 or 0xFF61 or 0x2024 => '.',                          // small, ideographic, halfwidth full stops; one-dot leader
        >= 0x24B6 and <= 0x24CF => (char)('A' + c - 0x24B6),                 // circled capitals
        >= 0x24D0 and <= 0x24E9 => (char)('a' + c - 0x24D0),                 // circled small letters
        >= 0x1D400 and <= 0x1D6A3 => (c - 0x1D400) % 52 is var i && i < 26 ? (char)('A' + i) : (char)('a' + i - 26),  // mathematical letters
        >= 0x1D7CE and <= 0x1D7FF => (char)('0' + (c - 0x1D7CE) % 10),       // mathematical digits
        _ => null,
    };
}
