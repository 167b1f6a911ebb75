using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.Persistence;

/// <summary>A fitted QI model ready to be saved: what it predicts from what, its quality, its parameters (JSON) and the model zip.</summary>
public sealed record SavedQiModel(
    string Name, string Target, IReadOnlyList<string> Features, ModelQuality Quality, int Seed, string Parameters, byte[] ModelZip);
