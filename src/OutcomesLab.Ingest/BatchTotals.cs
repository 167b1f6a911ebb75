using OutcomesLab.Domain;

namespace OutcomesLab.Ingest;

/// <summary>The counts and refusals of one batch, kept while its transaction runs.</summary>
internal sealed class BatchTotals
{
    public long EpisodesStored;
    public long EpisodesUpdated;
    public long AnswersStored;
    public long AnswersUpdated;
    public long AnswersPending;
    public long PendingResolved;
    public long RowsRefused;
    public int FilesRefused;
    public long RowsInRefusedFiles;
    public List<Refusal> Refusals { get; } = [];

    public void Refuse(Refusal refusal, bool wholeFile = false, long rowsInFile = 0)
    {
        Refusals.Add(refusal);
        if (wholeFile) { FilesRefused++; RowsInRefusedFiles += rowsInFile; }
        else RowsRefused++;
    }
}

/// <summary>The running totals of one pull.</summary>
internal sealed class PullTotals
{
    private readonly BatchTotals sum = new();
    public int BatchesNew;
    public int BatchesSeen;
    public long Pending;
    public List<BatchOutcome> Batches { get; } = [];

    public void Add(DropBatch batch, string hash, BatchTotals b)
    {
        BatchesNew++;
        Batches.Add(new BatchOutcome(batch.Name, hash, true));
        sum.EpisodesStored += b.EpisodesStored;
        sum.EpisodesUpdated += b.EpisodesUpdated;
        sum.AnswersStored += b.AnswersStored;
        sum.AnswersUpdated += b.AnswersUpdated;
        sum.PendingResolved += b.PendingResolved;
        sum.RowsRefused += b.RowsRefused;
        sum.FilesRefused += b.FilesRefused;
        sum.RowsInRefusedFiles += b.RowsInRefusedFiles;
        sum.Refusals.AddRange(b.Refusals);
    }

    /// <summary>A batch refused as a whole: one file refusal, nothing stored.</summary>
    public void AddRefused(Refusal refusal) => sum.Refuse(refusal, wholeFile: true);

    public PullSummary ToSummary(long pullId, string source) => new()
    {
        PullId = pullId, Source = source, BatchesNew = BatchesNew, BatchesSeen = BatchesSeen,
        EpisodesStored = sum.EpisodesStored, EpisodesUpdated = sum.EpisodesUpdated,
        AnswersStored = sum.AnswersStored, AnswersUpdated = sum.AnswersUpdated, AnswersPending = Pending,
        PendingResolved = sum.PendingResolved, RowsRefused = sum.RowsRefused, FilesRefused = sum.FilesRefused,
        RowsInRefusedFiles = sum.RowsInRefusedFiles, Refusals = sum.Refusals.ToList(), Batches = Batches.ToList(),
    };
}
