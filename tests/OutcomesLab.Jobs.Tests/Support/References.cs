using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>Single-process reference stores, made once per test run and shared by the tests that compare against them.</summary>
public static class References
{
    private static Task<StoreFingerprint>? allBatches;
    private static readonly Lock Gate = new();

    /// <summary>`outcomeslab ingest` of all <see cref="SyntheticDrop.BatchCount"/> batches into a fresh database.</summary>
    public static Task<StoreFingerprint> AllBatchesAsync()
    {
        lock (Gate)
        {
            return allBatches ??= Make();
        }

        // Only the fingerprint is kept; the files go as soon as it is taken (the database stays on the throwaway server).
        static async Task<StoreFingerprint> Make()
        {
            using var folder = new TempFolder();
            var drop = folder.File("reference-drop");
            SyntheticDrop.Drop(drop, SyntheticDrop.Batches());
            return await PostgresSetup.SingleProcessIngestAsync(folder, drop);
        }
    }
}
