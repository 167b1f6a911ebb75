using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Ingest.Tests;

/// <summary>
/// A synthetic drop whose newest batch is held back until <see cref="ReleaseLastBatch"/>, for a store
/// filled over two pulls: everything but the last batch, then the last batch alone.
/// </summary>
internal sealed class HeldBackDrop
{
    private readonly string aside;

    public HeldBackDrop(TempFolder folder, SynthOptions options)
    {
        Path = System.IO.Path.Combine(folder.Path, "drop");
        SyntheticPractice.Write(Path, options);
        LastBatch = Directory.GetDirectories(Path).OrderBy(d => d, StringComparer.Ordinal).Last();
        aside = folder.File("last-batch");
        Directory.Move(LastBatch, aside);
    }

    public string Path { get; }

    /// <summary>The last batch's folder inside the drop (absent until released).</summary>
    public string LastBatch { get; }

    public void ReleaseLastBatch() => Directory.Move(aside, LastBatch);
}
