using OutcomesLab.Domain;

namespace OutcomesLab.Export;

/// <summary>
/// Everything an export is made from, already in memory: the episode × instrument outcomes
/// (OutcomeReader), optionally who each episode belongs to (so k counts people), and, for
/// <c>--items</c>, the item answers. Disclosure control is a pure function of this.
/// </summary>
/// <param name="PersonOf">Stored episode ref → stored client ref; an episode missing here counts as its own person.</param>
public sealed record ExportSource(
    IReadOnlyList<EpisodeOutcome> Outcomes,
    IReadOnlyDictionary<string, string>? PersonOf = null,
    IReadOnlyList<ExportAnswer>? Answers = null);
