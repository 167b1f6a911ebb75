namespace OutcomesLab.Quality.Persistence;

/// <summary>A QI model as the store describes it (qi_models, migration 0004), without its bytes.</summary>
public sealed record StoredQiModel(
    long RunId, string Name, DateTimeOffset CreatedAt, string Target, IReadOnlyList<string> Features,
    int TrainingRows, int TrainingGroups, int Folds, int Seed,
    double CvRSquared, double CvMeanAbsoluteError, double CvRootMeanSquaredError, string Parameters);
