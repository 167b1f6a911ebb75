using Microsoft.Extensions.Configuration;
using OutcomesLab.Privacy;

namespace OutcomesLab.Configuration;

/// <summary>
/// Builds <see cref="OutcomesLabSettings"/> the same way for every host: appsettings.json (beside the
/// executable, then the working folder), <c>OutcomesLab__X</c> environment variables, the short
/// variables (OUTCOMESLAB_STORE, …), then command-line overrides — later ones winning.
/// </summary>
public static class SettingsLoader
{
    private static readonly (string Variable, string Key)[] ShortVariables =
    [
        ("OUTCOMESLAB_STORE", "Store"),
        ("OUTCOMESLAB_KEY_FILE", "KeyFile"),
        ("OUTCOMESLAB_MIN_CELL", "MinCell"),
        ("OUTCOMESLAB_OUTPUT", "Output"),
        ("OUTCOMESLAB_CATALOG", "Catalog"),
    ];

    public static IConfigurationBuilder AddOutcomesLabSources(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        var shorts = new Dictionary<string, string?>();
        foreach (var (variable, key) in ShortVariables)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrEmpty(value)) shorts[$"{OutcomesLabSettings.Section}:{key}"] = value;
        }
        builder.AddInMemoryCollection(shorts);
        if (overrides is not null)
            builder.AddInMemoryCollection(overrides.Where(kv => kv.Value is not null)
                .Select(kv => new KeyValuePair<string, string?>($"{OutcomesLabSettings.Section}:{kv.Key}", kv.Value)));
        return builder;
    }

    /// <summary>Loads and validates; a bad value throws <see cref="SettingsException"/> naming the key.</summary>
    public static OutcomesLabSettings Load(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder().AddOutcomesLabSources(overrides).Build();
        return Bind(configuration);
    }

    public static OutcomesLabSettings Bind(IConfiguration configuration)
    {
        var settings = new OutcomesLabSettings();
        try
        {
            configuration.GetSection(OutcomesLabSettings.Section).Bind(settings);
        }
        catch (InvalidOperationException e)
        {
            throw new SettingsException($"configuration section {OutcomesLabSettings.Section} is invalid: {e.Message.Split('\n')[0]}");
        }
        Validate(settings);
        return settings;
    }

    private static void Validate(OutcomesLabSettings s)
    {
        if (string.IsNullOrWhiteSpace(s.Store)) throw new SettingsException("OutcomesLab:Store is empty");
        if (s.MinCell < 1) throw new SettingsException("OutcomesLab:MinCell must be a whole number of at least 1");
        for (var i = 0; i < s.Sources.Count; i++)
        {
            if (s.Sources[i].Kind != "csv-drop")
                throw new SettingsException($"OutcomesLab:Sources:{i}:Kind '{s.Sources[i].Kind}' is not supported (only csv-drop)");
            if (string.IsNullOrWhiteSpace(s.Sources[i].Path))
                throw new SettingsException($"OutcomesLab:Sources:{i}:Path is required for a csv-drop source");
        }
        if (string.IsNullOrWhiteSpace(s.Output)) throw new SettingsException("OutcomesLab:Output is empty");
        ValidateExports(s.Exports, s.MinCell);
        ValidateJobs(s.Jobs);
        ValidateUsers(s.Users);
        ValidateWeb(s.Web);
    }

    private static void ValidateWeb(WebSettings w)
    {
        for (var i = 0; i < w.AllowedHosts.Count; i++)
        {
            var host = w.AllowedHosts[i];
            if (string.IsNullOrWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal) || host.Any(char.IsWhiteSpace) || host.Contains('/'))
                throw new SettingsException($"OutcomesLab:Web:AllowedHosts:{i} must be a host name such as outcomes.example.org (no scheme, path or spaces)");
        }
        for (var i = 0; i < w.TrustedProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(w.TrustedProxies[i], out _) && !System.Net.IPNetwork.TryParse(w.TrustedProxies[i], out _))
                throw new SettingsException($"OutcomesLab:Web:TrustedProxies:{i} must be an IP address or a CIDR network such as 10.0.0.0/24");
        }
    }

    /// <summary>The cron of each is checked where it is declared (<c>RecurringJobRegistrar</c>), by Hangfire's own parser.</summary>
    private static void ValidateExports(List<ExportSettings> exports, int minCell)
    {
        for (var i = 0; i < exports.Count; i++)
        {
            var e = exports[i];
            var key = $"OutcomesLab:Exports:{i}";
            // The purpose is quoted only when it passed the identifier screen.
            if (ExportPurpose.Problem(e.Purpose, IdentifierDetectors.Detect) is { } problem) throw new SettingsException($"{key}:Purpose {problem}");
            if (string.IsNullOrWhiteSpace(e.Cron)) throw new SettingsException($"{key}:Cron is required (five fields, UTC), e.g. 0 3 1 * * for 03:00 on the 1st of each month");
            if (e.K is { } k && k < minCell)
                throw new SettingsException($"{key}:K {k} is below OutcomesLab:MinCell {minCell}: no released class may rest on fewer people than min_cell");
        }
    }

    private static void ValidateJobs(JobSettings j)
    {
        const string p = "OutcomesLab:Jobs";
        if (j.WorkerCount < 0) throw new SettingsException($"{p}:WorkerCount must be 0 (Hangfire's default) or more");
        if (j.RetryAttempts < 0) throw new SettingsException($"{p}:RetryAttempts must be 0 or more");
        if (j.RetryDelaysSeconds.Any(d => d < 0)) throw new SettingsException($"{p}:RetryDelaysSeconds must not be negative");
        foreach (var (name, value) in new[]
                 {
                     ("PollIntervalSeconds", j.PollIntervalSeconds), ("InvisibilityTimeoutSeconds", j.InvisibilityTimeoutSeconds),
                     ("LockTimeoutSeconds", j.LockTimeoutSeconds), ("ShutdownTimeoutSeconds", j.ShutdownTimeoutSeconds),
                 })
        {
            if (!(value > 0)) throw new SettingsException($"{p}:{name} must be a positive number of seconds");
        }
    }

    private static void ValidateUsers(List<UserSettings> users)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            var u = users[i];
            var key = $"OutcomesLab:Users:{i}";
            if (string.IsNullOrWhiteSpace(u.Name)) throw new SettingsException($"{key}:Name is required");
            if (!seen.Add(u.Name.Trim())) throw new SettingsException($"{key}:Name '{u.Name}' appears more than once");
            if (!Roles.All.Contains(u.Role))
                throw new SettingsException($"{key}:Role '{u.Role}' is not one of {string.Join(", ", Roles.All)}");
            // The hash itself is never echoed: only what is wrong with it.
            if (PasswordHasher.Problem(u.PasswordHash) is { } problem) throw new SettingsException($"{key}:PasswordHash {problem}");
        }
    }
}
