using Parquet;
using Parquet.Schema;

namespace OutcomesLab.Export.Tables;

/// <summary>The same table as Parquet (Parquet.Net v6 API): one row group, typed columns, nullable where the codebook says.</summary>
public static class ParquetTableWriter
{
    public static async Task WriteAsync(ExportTable table, string path, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var fields = table.Columns.Select(c => new DataField(c.Name, ClrType(c.Type), isNullable: c.Nullable)).ToArray();
        await using var stream = Packaging.ExportFiles.CreateNew(path, FileAccess.ReadWrite);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct);
        writer.CustomMetadata = new Dictionary<string, string>(metadata);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var field = fields[c];
            var column = table.Columns[c];
            var cells = table.Rows.Select(r => r[c]).ToArray();
            switch (column.Type)
            {
                case ColumnType.Text:
                    await group.WriteAsync(field, cells.Select(x => (string?)x).ToArray());
                    break;
                case ColumnType.WholeNumber:
                    await Write(group, field, column.Nullable, cells.Select(x => (long?)x).ToArray(), ct);
                    break;
                case ColumnType.Real:
                    await Write(group, field, column.Nullable, cells.Select(x => (double?)x).ToArray(), ct);
                    break;
                case ColumnType.Boolean:
                    await Write(group, field, column.Nullable, cells.Select(x => (bool?)x).ToArray(), ct);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(table), column.Type, "unsupported column type");
            }
        }
    }

    private static async Task Write<T>(ParquetRowGroupWriter group, DataField field, bool nullable, T?[] values, CancellationToken ct)
        where T : struct
    {
        if (nullable) await group.WriteAsync<T>(field, new ReadOnlyMemory<T?>(values), cancellationToken: ct);
        else await group.WriteAsync<T>(field, new ReadOnlyMemory<T>(values.Select(v => v!.Value).ToArray()), cancellationToken: ct);
    }

    private static Type ClrType(ColumnType type) => type switch
    {
        ColumnType.Text => typeof(string),
        ColumnType.WholeNumber => typeof(long),
        ColumnType.Real => typeof(double),
        ColumnType.Boolean => typeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
