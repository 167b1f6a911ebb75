namespace OutcomesLab.Quality;

/// <summary>The end_reason codes the analysis branches on (docs/contracts/exchange-format.md; empty is stored as ongoing).</summary>
public static class EpisodeStatus
{
    public const string Ongoing = "ongoing";
    public const string Completed = "completed";
    public const string Dropout = "dropout";
}
