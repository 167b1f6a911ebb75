using System.Globalization;
using System.Text.RegularExpressions;

namespace OutcomesLab.Privacy;

/// <summary>
/// Free text (an export's purpose) folded for the identifier screen: <see cref="LookAlikes"/> as the gate
/// folds a value, then the written-out <c>[at]</c>, <c>(at)</c>, <c> at </c>, <c>[dot]</c>, <c>(dot)</c> as
/// the characters they stand for. Only for screening: the folded text is never stored or shown.
/// </summary>
public static partial class ScreeningText
{
    [GeneratedRegex(@"\s*(?:\[at\]|\(at\)|\{at\}|<at>|\sat\s)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenAt();

    [GeneratedRegex(@"\s*(?:\[dot\]|\(dot\)|\{dot\}|<dot>)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDot();

    public static string Fold(string text) => WrittenDot().Replace(WrittenAt().Replace(LookAlikes.Fold(text), "@"), ".");

    /// <summary>Invisible formatting characters (zero-width spaces and joiners, bidirectional overrides): they can hide or reorder text.</summary>
    public static bool HasFormatCharacters(string text) => text.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format);
}
