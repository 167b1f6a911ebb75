using OutcomesLab.Domain;

namespace OutcomesLab.Ingest;

/// <summary>
/// What one pull did. Every input row is accounted for exactly once: stored (new key), updated
/// (existing key overwritten or re-sent), pending (episode not yet known, at the end of the pull),
/// refused (row-level), or in a refused file.
/// </summary>
public sealed record PullSummary
{
    public long PullId { get; init; }
    public string Source { get; init; } = "";
    public int BatchesNew { get; init; }
    public int BatchesSeen { get; init; }
    public long EpisodesStored { get; init; }
    public long EpisodesUpdated { get; init; }
    public long AnswersStored { get; init; }
    public long AnswersUpdated { get; init; }
    /// <summary>Answers held pending in the store at the end of the pull (all sources).</summary>
    public long AnswersPending { get; init; }
    /// <summary>Answers that were pending and were stored or updated by this pull.</summary>
    public long PendingResolved { get; init; }
    public long RowsRefused { get; init; }
    public int FilesRefused { get; init; }
    /// <summary>Data rows inside refused files (none of them stored).</summary>
    public long RowsInRefusedFiles { get; init; }
    public IReadOnlyList<Refusal> Refusals { get; init; } = [];
    public IReadOnlyList<BatchOutcome> Batches { get; init; } = [];

    public bool AnythingRefused => RowsRefused > 0 || FilesRefused > 0;
}

/// <summary>One batch of a pull: new (ingested now) or already ingested (same content hash).</summary>
public sealed record BatchOutcome(string Name, string ContentHash, bool New);

/// <summary>Progress of a pull, for a progress bar: rows read of the current batch's files.</summary>
public readonly record struct IngestProgress(string Batch, int BatchIndex, int BatchCount, long BytesRead, long BytesTotal);
