using OutcomesLab.Export.Tables;
using OutcomesLab.TestSupport;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace OutcomesLab.Export.Tests.Tables;

public sealed class CsvRoundTripTests
{
    private static readonly ExportTable Table = new("t", "a test table",
        [
            new("name", ColumnType.Text, "", Empty: "unknown"), new("score", ColumnType.Real, "", Empty: "unpaired"),
            new("n", ColumnType.WholeNumber, ""), new("flag", ColumnType.Boolean, "", Empty: "n/a"),
        ],
        [
            ["plain", 37.090909090909093, 3L, true],
            ["with, comma", -0.1, 0L, false],
            ["with \"quote\"", null, -5L, null],
            [null, 1e-7, long.MaxValue, true],
        ]);

    [Fact]
    public async Task CSV_reads_back_cell_for_cell_at_full_precision()
    {
        using var folder = new TempFolder();
        var path = folder.File("t.csv");
        await CsvTableWriter.WriteAsync(Table, path, CancellationToken.None);
        var text = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("\r", text);
        Assert.False(File.ReadAllBytes(path).AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));

        var back = CsvTableReader.Parse(text);
        Assert.Equal(["name", "score", "n", "flag"], back.Header);
        Assert.Equal(["plain", "37.09090909090909", "3", "true"], back.Rows[0]);
        Assert.Equal(37.090909090909093, double.Parse(back.Rows[0][1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["with, comma", "-0.1", "0", "false"], back.Rows[1]);
        Assert.Equal(["with \"quote\"", "", "-5", ""], back.Rows[2]);
        Assert.Equal(["", "1E-07", "9223372036854775807", "true"], back.Rows[3]);
    }

    [Fact]
    public async Task Parquet_holds_typed_nullable_columns()
    {
        using var folder = new TempFolder();
        var path = folder.File("t.parquet");
        await ParquetTableWriter.WriteAsync(Table, path, new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);

        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal("v", reader.CustomMetadata["k"]);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["name", "score", "n", "flag"], fields.Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(4, group.RowCount);
        var scores = new double?[4];
        await group.ReadAsync<double>(fields[1], scores.AsMemory());
        Assert.Equal([37.090909090909093, -0.1, null, 1e-7], scores);
        var names = new string?[4];
        await group.ReadAsync(fields[0], names.AsMemory());
        Assert.Equal(new[] { "plain", "with, comma", "with \"quote\"", null }, names.AsEnumerable());
        var n = new long[4];
        await group.ReadAsync<long>(fields[2], n.AsMemory());
        Assert.Equal([3L, 0L, -5L, long.MaxValue], n);
        var flags = new bool?[4];
        await group.ReadAsync<bool>(fields[3], flags.AsMemory());
        Assert.Equal([true, false, null, true], flags);
        Assert.False(((DataField)fields[2]).IsNullable);
    }
}
