namespace OutcomesLab.Export.Packaging;

public sealed record ManifestCounts(int EpisodesConsidered, int EpisodesReleased, int EpisodeRows, int? ItemRows);
