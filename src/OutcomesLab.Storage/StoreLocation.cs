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
        return new StoreLocation(isPostgres ? Dialect.Postgres : Dialect.Sqlite, isPostgres ? v : Path.GetFullPath(v));
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
