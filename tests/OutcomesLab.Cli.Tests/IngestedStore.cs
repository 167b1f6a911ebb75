using OutcomesLab.TestSupport;

namespace OutcomesLab.Cli.Tests;

/// <summary>A small synthetic drop ingested into a SQLite store by the real CLI, shared by the tests of a class that only read it.</summary>
public sealed class IngestedStore : IAsyncLifetime
{
    public TempFolder Folder { get; } = new();
    public string Store => Folder.File("practice.db");
    public string Drop => Folder.File("drop");

    public async Task InitializeAsync()
    {
        Check(await CliProcess.RunAsync(Folder.Path, "synth", "--out", Drop, "--episodes", "400", "--seed", "3"));
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

    private static void Check(CliProcess.Result r) => Assert.True(r.ExitCode == 0, r.Output);

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}
