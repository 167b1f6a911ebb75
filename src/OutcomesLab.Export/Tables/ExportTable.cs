namespace OutcomesLab.Export.Tables;

/// <summary>
/// A typed table about to be written as CSV and Parquet. Cells are <see cref="string"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or null, as the column type says.
/// </summary>
public sealed class ExportTable
{
    public string Name { get; }
    public string Description { get; }
    public IReadOnlyList<ExportColumn> Columns { get; }
    public IReadOnlyList<object?[]> Rows { get; }

    public ExportTable(string name, string description, IReadOnlyList<ExportColumn> columns, IReadOnlyList<object?[]> rows)
    {
        Name = name;
        Description = description;
        Columns = columns;
        Rows = rows;
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != columns.Count) throw new ArgumentException($"{name} row {r + 1} has {rows[r].Length} cells for {columns.Count} columns", nameof(rows));
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = rows[r][c];
                var ok = cell switch
                {
                    null => columns[c].Nullable,
                    string => columns[c].Type == ColumnType.Text,
                    long => columns[c].Type == ColumnType.WholeNumber,
                    double d => columns[c].Type == ColumnType.Real && double.IsFinite(d),
                    bool => columns[c].Type == ColumnType.Boolean,
                    _ => false,
                };
                if (!ok) throw new ArgumentException($"{name} row {r + 1} column {columns[c].Name}: a cell does not match the column type {columns[c].Type}", nameof(rows));
            }
        }
    }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == column) return i;
        throw new KeyNotFoundException($"{Name} has no column {column}");
    }
}
