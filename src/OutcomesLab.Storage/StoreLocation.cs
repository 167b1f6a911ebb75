namespace OutcomesLab.Storage;

/// <summary>
/// The configured store value: a SQLite file path, or an Npgsql connection string (recognised by
/// its <c>Host=</c> key). Never print <see cref="Value"/> for PostgreSQL: it may hold a password.
/// </summary>
public sealed record StoreLocation(Dialect Dialect, string Value)
{
    public const string DefaultPath = "outcomeslab.db";

    public static StoreLocation Parse(string? value)
    {
        var v = string.IsNullOrWhiteSpace(value) ? DefaultPath : value.Trim();
        var isPostgres = v.Split(';').Any(part => part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
                                                 || part.TrimStart().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));
        if (isPostgres) CheckConnectionString(v);
        return new StoreLocation(isPostgres ? Dialect.Postgres : Dialect.Sqlite, isPostgres ? v : Path.GetFullPath(v));
    }

    /// <summary>
    /// A mistyped connection string is refused here, naming the keyword at fault but never a value
    /// (the string may hold a password).
    /// </summary>
    private static void CheckConnectionString(string value)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder();
            var keyword = e.ParamName;
            var problem = keyword is null || !keyword.All(c => char.IsAsciiLetter(c) || c == ' ')
                ? "it is not a list of keyword=value pairs separated by ';'"
                : builder.ContainsKey(keyword)
                    ? $"the value of '{keyword}' is not valid"
                    : $"'{keyword}' is not a connection-string keyword PostgreSQL's driver knows";
            throw new StoreException($"the store's PostgreSQL connection string cannot be used: {problem}", e);
        }
    }

    /// <summary>The folder a SQLite store lives in must exist: it is never created implicitly.</summary>
    public void EnsureFolderExists()
    {
        if (Dialect != Dialect.Sqlite) return;
        var dir = Path.GetDirectoryName(Value);
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            throw new StoreException($"the store's folder '{dir}' does not exist: create it, or give --store a path in an existing folder");
    }

    /// <summary>What may be shown to a person: the file path, or host/database without credentials.</summary>
    public string Display
    {
        get
        {
            if (Dialect == Dialect.Sqlite) return Value;
            var b = new Npgsql.NpgsqlConnectionStringBuilder(Value);
            return $"postgresql://{b.Host}:{b.Port}/{b.Database}";
        }
    }
}
