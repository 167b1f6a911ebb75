using System.CommandLine;
using OutcomesLab.Configuration;

namespace OutcomesLab.Cli;

/// <summary>The options shared by the subcommands, and the settings they resolve to.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Store { get; } = new("--store")
    { Description = "SQLite store file, or an Npgsql connection string (Host=…) [env OUTCOMESLAB_STORE; default ./outcomeslab.db]" };
    public Option<string?> KeyFile { get; } = new("--key-file")
    { Description = "pseudonym key file [env OUTCOMESLAB_KEY_FILE; default beside a SQLite store]" };
    public Option<string?> Catalog { get; } = new("--catalog")
    { Description = "instrument catalog JSON replacing the embedded defaults [env OUTCOMESLAB_CATALOG]" };

    /// <summary>Adds to <paramref name="command"/> the shared options it reads, and only those, so its help lists nothing it ignores.</summary>
    public Command Add(Command command, Uses uses)
    {
        if (uses.HasFlag(Uses.Store)) command.Options.Add(Store);
        if (uses.HasFlag(Uses.Key)) command.Options.Add(KeyFile);
        if (uses.HasFlag(Uses.Catalog)) command.Options.Add(Catalog);
        return command;
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

/// <summary>Which of the shared options a command reads.</summary>
[Flags]
public enum Uses
{
    Store = 1,
    Key = 2,
    Catalog = 4,
}
