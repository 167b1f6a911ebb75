using Dapper;
using Npgsql;
using OutcomesLab.Storage;
using OutcomesLab.TestSupport;
using OutcomesLab.Privacy;
using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>
/// A fresh PostgreSQL store for worker processes: its own database on the test server, the shared test
/// key, a drop folder and the settings every process of the test reads (appsettings.json in the folder).
/// </summary>
public sealed record PostgresSetup(TempFolder Folder, StoreLocation Location, string Drop, OutcomesLabSettings Settings)
{
    private static readonly Lazy<string> SharedKey = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"outcomeslab-jobs-{Environment.ProcessId}.key");
        if (!File.Exists(path)) PseudonymKey.Create(path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    /// <summary>One key for every store of the run, so stores filled in different ways can be compared row for row.</summary>
    public static string KeyFile => SharedKey.Value;

    /// <summary>Skips the calling test when the PostgreSQL test server is not running.</summary>
    public static PostgresSetup Create(TempFolder folder, Action<OutcomesLabSettings>? configure = null)
    {
        var location = NewDatabase(folder);
        var drop = folder.File("drop");
        Directory.CreateDirectory(drop);
        var settings = new OutcomesLabSettings
        {
            Store = location.Value,
            KeyFile = KeyFile,
            Output = folder.File("output"),
            Sources = [new SourceSettings { Path = drop }],
            Jobs = AppSettingsFile.FastJobs(),
            Schedules = AppSettingsFile.TriggeredOnly(),
        };
        configure?.Invoke(settings);
        AppSettingsFile.Write(folder.Path, settings);
        return new PostgresSetup(folder, location, drop, settings);
    }

    public static StoreLocation NewDatabase(TempFolder folder)
    {
        var location = TestStores.NewLocation(Dialect.Postgres, folder);
        // Parallel test projects share two cores; a slow statement under that load is not what these tests are about.
        var b = new NpgsqlConnectionStringBuilder(location.Value) { CommandTimeout = 600 };
        return StoreLocation.Parse(b.ConnectionString);
    }

    public CliHost StartWorker(string name) => CliHost.Start(name, Folder.Path, "worker");

    public static async Task WaitUntilRunningAsync(params CliHost[] workers)
    {
        foreach (var w in workers)
            await w.WaitForLineAsync(l => l.StartsWith("worker ", StringComparison.Ordinal) && l.Contains("running jobs", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var c = new NpgsqlConnection(Location.Value);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    public async Task<IReadOnlyList<StoreStatus.Pull>> PullsAsync()
    {
        await using var store = await Store.OpenAsync(Location);
        return (await StoreStatus.LatestPullsAsync(store, 1000)).OrderBy(p => p.PullId).ToList();
    }

    /// <summary>The store a single `outcomeslab ingest` of <paramref name="drop"/> makes: what any job schedule must end with.</summary>
    public static async Task<StoreFingerprint> SingleProcessIngestAsync(TempFolder folder, string drop)
    {
        var location = NewDatabase(folder);
        var result = await CliProcess.RunAsync(folder.Path, "ingest", drop, "--store", location.Value, "--key-file", KeyFile);
        Assert.True(result.ExitCode is 0 or 3, result.Output);
        return await StoreFingerprint.OfAsync(location);
    }
}
