using System.Globalization;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary>A small synthetic drop ingested into a SQLite store by the real CLI, shared by the tests of a class that only read it.</summary>
public class IngestedStore : IAsyncLifetime
{
    private readonly int episodes;
    private readonly int seed;

    public IngestedStore() : this(400, 3) { }

    /// <summary>For a fixture of another size or seed (xunit allows a fixture one public constructor).</summary>
    protected IngestedStore(int episodes, int seed)
    {
        this.episodes = episodes;
        this.seed = seed;
    }

    public TempFolder Folder { get; } = new();
    public string Store => Folder.File("practice.db");
    public string Drop => Folder.File("drop");

    public virtual async Task InitializeAsync()
    {
        Check(await CliProcess.RunAsync(Folder.Path, "synth", "--out", Drop, "--episodes", episodes.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture)));
        Check(await CliProcess.RunAsync(Folder.Path, "ingest", Drop, "--store", Store));
    }

    /// <summary>A copy of the store and its key in <paramref name="folder"/>, for a test that changes it.</summary>
    public string CopyTo(TempFolder folder)
    {
        var copy = folder.File("practice.db");
        File.Copy(Store, copy);
        File.Copy(Store + ".key", copy + ".key");
        return copy;
    }

    protected static void Check(CliProcess.Result r) => Assert.True(r.ExitCode == 0, r.Output);

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}
