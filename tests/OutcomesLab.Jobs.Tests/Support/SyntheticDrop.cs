using OutcomesLab.Synthetic;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>
/// One synthetic practice export of 20 batches, written once per test run and copied into each test's
/// drop folder. Small on purpose: the tests are about jobs and processes, not ingest volume.
/// </summary>
public static class SyntheticDrop
{
    public const int BatchCount = 20;
    private static readonly Lazy<string> Source = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), $"outcomeslab-jobs-drop-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        SyntheticPractice.Write(folder, new SynthOptions { Episodes = 100, Batches = BatchCount, Seed = 5 });
        return folder;
    });

    /// <summary>The batch folder names, in the order the ingestor takes them.</summary>
    public static IReadOnlyList<string> Batches() =>
        Directory.EnumerateDirectories(Source.Value).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>
    /// Copies batches into <paramref name="drop"/> the way an export lands: written beside the drop
    /// folder, then moved in with one rename, so a pull never sees half a batch.
    /// </summary>
    public static void Drop(string drop, IEnumerable<string> batches, string? asName = null)
    {
        Directory.CreateDirectory(drop);
        foreach (var batch in batches)
        {
            var staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(drop))!, $".staging-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Source.Value, batch)))
                File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            Directory.Move(staging, Path.Combine(drop, asName ?? batch));
        }
    }
}
