using OutcomesLab.Privacy;

namespace OutcomesLab.Ingest;

/// <summary>
/// Batch folder names are stored (batches, refusals, every record's batch) and printed, so they are
/// screened like values: a plain label only, and nothing that looks like a direct identifier. The
/// exchange format's own form (2026-11-01T0300) passes.
/// </summary>
public static class BatchNameScreen
{
    public const int MaxLength = 64;

    /// <summary>What is wrong with the name (to follow "batch folder name"), or null when it may be stored.</summary>
    public static string? Problem(string name)
    {
        if (name.Length is 0 or > MaxLength || !char.IsAsciiLetterOrDigit(name[0])
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return "is not a plain label (letters, digits, '-', '_' and '.', at most 64)";
        return IdentifierDetectors.Detect(name) is { } rule ? $"looks like a direct identifier ({rule})" : null;
    }
}
