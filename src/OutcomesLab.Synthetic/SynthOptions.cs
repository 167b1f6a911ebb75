namespace OutcomesLab.Synthetic;

/// <summary>How much synthetic practice data to make, and from which seed (same seed, same bytes).</summary>
public sealed record SynthOptions
{
    public int Episodes { get; init; } = 3000;
    public int Seed { get; init; } = 1;
    /// <summary>Export runs (batch folders), one per quarter from <see cref="Start"/>.</summary>
    public int Batches { get; init; } = 8;
    public DateOnly Start { get; init; } = new(2024, 1, 1);
    public int Sites { get; init; } = 6;
    public int Therapists { get; init; } = 36;
}

/// <summary>What was written.</summary>
public sealed record SynthResult(string Folder, int Episodes, long EpisodeRows, long ResponseRows, IReadOnlyList<string> Batches);
