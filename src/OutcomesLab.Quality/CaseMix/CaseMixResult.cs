using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.CaseMix;

/// <summary>
/// The case-mix adjusted comparison: the model (null with <see cref="NotFitted"/> saying why when
/// there were too few completed paired episodes), its cross-validated quality, and observed −
/// expected by therapist and by approach for the period's completed paired episodes.
/// </summary>
public sealed record CaseMixResult(
    FittedRegression? Model, string? NotFitted, int TrainingEpisodes, int TrainingRows,
    ObservedExpectedTable Therapists, ObservedExpectedTable Approaches)
{
    public ModelQuality? Quality => Model?.Quality;
}
