using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>Single-process reference stores, made once per test run and shared by the tests that compare against them.</summary>
public static class References
{
    private static readonly TempFolder Folder = new();
    private static Task<StoreFingerprint>? allBatches;
    private static readonly Lock Gate = new();

    static References() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Folder.Dispose();

    /// <summary>`outcomeslab ingest` of all <see cref="SyntheticDrop.BatchCount"/> batches into a fresh database.</summary>
    public static Task<StoreFingerprint> AllBatchesAsync()
    {
        lock (Gate)
        {
            return allBatches ??= Make();
        }

        static async Task<StoreFingerprint> Make()
        {
            var drop = Folder.File("reference-drop");
            SyntheticDrop.Drop(drop, SyntheticDrop.Batches());
            return await PostgresSetup.SingleProcessIngestAsync(Folder, drop);
        }
    }
}
