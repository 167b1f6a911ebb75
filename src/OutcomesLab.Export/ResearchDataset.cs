using OutcomesLab.Export.Disclosure;
using OutcomesLab.Export.Tables;

namespace OutcomesLab.Export;

/// <summary>A research export's tables after disclosure control, ready to write, with what was done to get there.</summary>
public sealed record ResearchDataset(
    ExportTable Episodes,
    ExportTable? Items,
    IReadOnlyList<QuasiIdentifier> QuasiIdentifiers,
    DisclosureResult Disclosure,
    DisclosureFigures Verified,
    int EpisodesConsidered,
    int EpisodesReleased)
{
    /// <summary>The exports already released from the store that this one was checked against.</summary>
    public ReleaseHistory History { get; init; } = ReleaseHistory.None;

    /// <summary>k and ℓ re-measured from the final rows over the joint classes (this export with every earlier one).</summary>
    public DisclosureFigures? VerifiedJoint { get; init; }

    /// <summary>The share of released episodes whose outcome values alone single them out (so they link to any other export).</summary>
    public double LinkableShare { get; init; }

    /// <summary>The chosen generalisation per quasi-identifier, in words (e.g. age_band → "20-year band").</summary>
    public IReadOnlyDictionary<string, string> Generalisation =>
        QuasiIdentifiers.Select((q, i) => (q.Name, Level: q.Hierarchy.LevelNames[Disclosure.Levels[i]]))
            .ToDictionary(x => x.Name, x => x.Level, StringComparer.Ordinal);
}
