using OutcomesLab.Domain;

namespace OutcomesLab.Quality;

/// <summary>
/// Everything the analysis reads, in memory: the store's read models (OutcomeReader) or records a
/// test builds. The analysis is a pure function of this and <see cref="QiOptions"/>.
/// </summary>
public sealed record QiInput(
    Catalog Catalog,
    IReadOnlyList<EpisodeInfo> Episodes,
    IReadOnlyList<EpisodeOutcome> Outcomes,
    IReadOnlyList<ScoredAdministration> Administrations);
