using OutcomesLab.Domain;
using OutcomesLab.Ingest;
using OutcomesLab.Storage;
using OutcomesLab.Synthetic;
using OutcomesLab.TestSupport;
using Xunit;
using OutcomesLab.Privacy;

namespace OutcomesLab.Export.Tests.Linkage;

/// <summary>
/// A store filled the way <c>outcomeslab demo</c> fills one (3,000 synthetic episodes, seed 1), built once
/// and copied for each test so every test starts with an empty export log.
/// </summary>
public sealed class DemoStore : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private string Template => folder.File("demo.db");

    public async Task InitializeAsync()
    {
        var drop = folder.File("drop");
        SyntheticPractice.Write(drop, new SynthOptions { Episodes = 3000, Seed = 1 });
        await using var store = await Store.OpenAsync(StoreLocation.Parse(Template));
        await new Ingestor(store, new GateOptions(Catalog.Default, []), PseudonymKey.Create(Template + ".key"), TimeProvider.System).PullAsync(drop);
    }

    /// <summary>A copy of the demo store and its key file (at the default path beside it) in <paramref name="into"/>.</summary>
    public StoreLocation CopyInto(TempFolder into)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var path = into.File("practice.db");
        File.Copy(Template, path);
        File.Copy(Template + ".key", path + ".key");
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(Template + suffix)) File.Copy(Template + suffix, path + suffix);
        }
        return StoreLocation.Parse(path);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }
}
