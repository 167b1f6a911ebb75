namespace OutcomesLab.Configuration;

/// <summary>
/// Section <c>OutcomesLab:Jobs</c>: how <c>serve</c> and <c>worker</c> run Hangfire. The defaults suit
/// production; tests shorten the intervals through configuration rather than through code.
/// </summary>
public sealed class JobSettings
{
    /// <summary>
    /// Hangfire's own storage for a SQLite store (a file path); empty means beside the store
    /// (<c>outcomeslab.db</c> → <c>outcomeslab.hangfire.db</c>). A PostgreSQL store always keeps
    /// Hangfire in its own database (schema <c>hangfire</c>), so every worker shares it.
    /// </summary>
    public string? Storage { get; set; }

    /// <summary>Parallel jobs per process; 0 means Hangfire's default (5 per core, at most 20).</summary>
    public int WorkerCount { get; set; }

    /// <summary>How often a server looks for enqueued, scheduled and recurring jobs (Hangfire's default is 15 s).</summary>
    public double PollIntervalSeconds { get; set; } = 15;

    /// <summary>Retries after a job's first failure before it ends in Failed.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>
    /// Back-off before each retry, in seconds (the last one repeats). Empty means
    /// <see cref="DefaultRetryDelaysSeconds"/>. A list, not a default value here: the configuration
    /// binder appends to a list that already has items.
    /// </summary>
    public List<int> RetryDelaysSeconds { get; set; } = [];

    public static readonly IReadOnlyList<int> DefaultRetryDelaysSeconds = [60, 300, 900, 3600, 10800];

    /// <summary>
    /// How long a job fetched by a worker that stopped heart-beating (killed, machine lost) stays
    /// invisible before another worker takes it over. A live worker keeps its jobs invisible however
    /// long they run (sliding invisibility), so this can be short.
    /// </summary>
    public double InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// After this long a distributed lock left behind by a dead process is considered abandoned
    /// (Hangfire.PostgreSql does not renew its locks; see docs/decisions/0002-pull-lock.md).
    /// </summary>
    public double LockTimeoutSeconds { get; set; } = 600;

    /// <summary>How long a stopping process waits for running jobs to give their work back.</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 30;

    public IReadOnlyList<int> EffectiveRetryDelaysSeconds() => RetryDelaysSeconds.Count > 0 ? RetryDelaysSeconds : DefaultRetryDelaysSeconds;
}
