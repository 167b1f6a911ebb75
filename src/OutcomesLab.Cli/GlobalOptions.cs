using System.CommandLine;
using OutcomesLab.Jobs.Hosting;

namespace OutcomesLab.Cli;

/// <summary>The options every subcommand accepts, and the settings they resolve to.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Store { get; } = new("--store")
    { Description = "SQLite store file, or an Npgsql connection string (Host=…) [env OUTCOMESLAB_STORE; default ./outcomeslab.db]", Recursive = true };
    public Option<string?> KeyFile { get; } = new("--key-file")
    { Description = "pseudonym key file [env OUTCOMESLAB_KEY_FILE; default beside a SQLite store]", Recursive = true };
    public Option<string?> Catalog { get; } = new("--catalog")
    { Description = "instrument catalog JSON replacing the embedded defaults [env OUTCOMESLAB_CATALOG]", Recursive = true };

    public RootCommand CreateRoot(string description)
    {
        var root = new RootCommand(description);
        root.Options.Add(Store);
        root.Options.Add(KeyFile);
        root.Options.Add(Catalog);
        return root;
    }

    /// <summary>Settings from appsettings.json and the environment, overridden by the options given here.</summary>
    public OutcomesLabSettings Settings(ParseResult parse, IReadOnlyDictionary<string, string?>? more = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Store"] = parse.GetValue(Store),
            ["KeyFile"] = parse.GetValue(KeyFile),
            ["Catalog"] = parse.GetValue(Catalog),
        };
        foreach (var kv in more ?? new Dictionary<string, string?>()) overrides[kv.Key] = kv.Value;
        return SettingsLoader.Load(overrides);
    }
}
