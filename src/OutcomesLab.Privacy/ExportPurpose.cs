namespace OutcomesLab.Privacy;

/// <summary>
/// What makes an export's purpose acceptable: one line, at most <see cref="MaxLength"/> characters, and
/// no word that looks like a direct identifier, written plainly or with look-alike characters
/// (<see cref="ScreeningText"/>), and no invisible formatting characters. One rule for every way an export is asked for (the
/// CLI's --purpose, the web form, OutcomesLab:Exports), so a purpose is screened before it is stored
/// anywhere — even in a job queue.
/// </summary>
public static class ExportPurpose
{
    public const int MaxLength = 500;

    /// <summary>What is wrong with <paramref name="purpose"/> (to follow the name of where it came from), or null when it is acceptable.</summary>
    public static string? Problem(string? purpose, Func<string, string?> detectIdentifier)
    {
        var p = purpose?.Trim() ?? "";
        if (p.Length == 0) return "is required: say what the export is for (it is logged)";
        if (p.Length > MaxLength) return $"is longer than {MaxLength} characters";
        if (p.Any(char.IsControl)) return "must be one line of text";
        if (ScreeningText.HasFormatCharacters(p)) return "must be plain text: it holds invisible formatting characters";
        // Screened as written and folded (look-alike letters, digits and @ as ASCII), whole and word by word.
        foreach (var text in new[] { p, ScreeningText.Fold(p) })
        {
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend(text))
            {
                if (detectIdentifier(word) is { } rule) return $"looks like it holds an identifier ({rule}); describe the purpose without one";
            }
        }
        return null;
    }
}
