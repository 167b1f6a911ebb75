namespace OutcomesLab.Export.Disclosure;

/// <summary>
/// A hierarchy written out row by row, like ARX's <c>DefaultHierarchy</c>: each row is a value followed
/// by its generalisations. A value missing from the table generalises to <c>*</c> at every level above
/// 0 (fail safe: an unforeseen value is never left rare).
/// </summary>
public sealed class TableHierarchy : GeneralisationHierarchy
{
    private readonly Dictionary<string, string[]> rows = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> names;

    public TableHierarchy(IReadOnlyList<string> levelNames, IEnumerable<string[]> rows)
    {
        names = levelNames;
        foreach (var row in rows)
        {
            if (row.Length != levelNames.Count)
                throw new ArgumentException($"hierarchy row for '{row.FirstOrDefault()}' has {row.Length} levels, expected {levelNames.Count}", nameof(rows));
            this.rows.Add(row[0], row);
        }
    }

    public override int Height => names.Count - 1;
    public override IReadOnlyList<string> LevelNames => names;

    public override string Generalise(string value, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Height);
        if (level == 0) return value;
        return rows.TryGetValue(value, out var row) ? row[level] : Suppressed;
    }
}
