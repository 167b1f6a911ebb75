using System.Text.Json;
using Hangfire;
using OutcomesLab.Configuration;
using OutcomesLab.TestSupport;

namespace OutcomesLab.Jobs.Tests.Support;

/// <summary>Writes the settings a test built as the appsettings.json a host reads from its working folder.</summary>
public static class AppSettingsFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write(string folder, OutcomesLabSettings settings) =>
        File.WriteAllText(Path.Combine(folder, "appsettings.json"),
            JsonSerializer.Serialize(new Dictionary<string, object> { [OutcomesLabSettings.Section] = settings }, Options));

    /// <summary>Short intervals so a test waits seconds, not Hangfire's production minutes — configuration only.</summary>
    public static JobSettings FastJobs(int workerCount = 2) => new()
    {
        WorkerCount = workerCount,
        PollIntervalSeconds = 0.5,
        RetryAttempts = 2,
        RetryDelaysSeconds = [1, 4],
        InvisibilityTimeoutSeconds = 6,
        LockTimeoutSeconds = 6,
        ShutdownTimeoutSeconds = 10,
    };

    /// <summary>
    /// Recurring jobs that fire only when a test triggers them: with the default schedules a test that
    /// runs across a quarter hour gets a scheduled pull of its own on top of the ones it counts.
    /// </summary>
    public static ScheduleSettings TriggeredOnly() => new() { Pull = Cron.Never(), Aggregate = Cron.Never(), QualityReport = Cron.Never() };

    /// <summary>A serve test's settings: its own store and output, fast jobs, recurring jobs only when triggered, these users.</summary>
    public static OutcomesLabSettings ForServe(TempFolder folder, params UserSettings[] users) => new()
    {
        Store = folder.File("store.db"),
        Output = folder.File("output"),
        Jobs = FastJobs(),
        Schedules = TriggeredOnly(),
        Users = [.. users],
    };

    public static UserSettings User(string name, string role, string password) =>
        new() { Name = name, Role = role, PasswordHash = PasswordHasher.Hash(password) };
}
