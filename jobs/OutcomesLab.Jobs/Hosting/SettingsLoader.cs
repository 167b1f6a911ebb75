using Microsoft.Extensions.Configuration;

namespace OutcomesLab.Jobs.Hosting;

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
    }
}
