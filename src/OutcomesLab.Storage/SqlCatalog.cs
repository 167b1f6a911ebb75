using System.Collections.Concurrent;

namespace OutcomesLab.Storage;

/// <summary>
/// Named SQL from sql/, embedded in this assembly. A name resolves to sql/&lt;dialect&gt;/Name.sql when the
/// dialect needs its own text, else sql/common/Name.sql. A missing name fails loudly.
/// </summary>
public sealed class SqlCatalog
{
    private readonly Dialect dialect;
    private readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);
    private static readonly System.Reflection.Assembly Assembly = typeof(SqlCatalog).Assembly;

    public SqlCatalog(Dialect dialect) => this.dialect = dialect;

    public static string Folder(Dialect d) => d == Dialect.Sqlite ? "sqlite" : "postgres";

    public string this[string name] => cache.GetOrAdd(name, Load);

    private string Load(string name) =>
        Read($"sql/{Folder(dialect)}/{name}.sql") ?? Read($"sql/common/{name}.sql")
        ?? throw new KeyNotFoundException($"no SQL named '{name}' for {dialect} (looked in sql/{Folder(dialect)} and sql/common)");

    /// <summary>The numbered migrations of this dialect, in order: (version, name, text).</summary>
    public IReadOnlyList<(int Version, string Name, string Sql)> Migrations()
    {
        var prefix = $"sql/{Folder(dialect)}/migrations/";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
                return (version, file, Read(n)!);
            })
            .OrderBy(m => m.version)
            .ToList();
    }

    private static string? Read(string resource)
    {
        using var s = Assembly.GetManifestResourceStream(resource);
        if (s is null) return null;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
