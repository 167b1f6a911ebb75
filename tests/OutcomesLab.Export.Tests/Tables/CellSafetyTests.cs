using OutcomesLab.Export.Tables;
using Xunit;

namespace OutcomesLab.Export.Tests.Tables;

public sealed class CellSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("low_desire", "low_desire")]
    [InlineData("16-24", "16-24")]
    [InlineData("*", "*")]
    [InlineData("", "")]
    public void Text_starting_a_formula_gets_a_leading_quote(string value, string expected) =>
        Assert.Equal(expected, CellSafety.Neutralise(value));

    [Fact]
    public void Numbers_stay_numbers_in_CSV()
    {
        var table = CellSafety.Neutralise(new ExportTable("t", "",
            [new("text", ColumnType.Text, ""), new("change", ColumnType.Real, "", Empty: "x"), new("n", ColumnType.WholeNumber, "")],
            [["=1+2", -3.5, -4L], ["@x", null, 0L]]));

        Assert.Equal("'=1+2", table.Rows[0][0]);
        Assert.Equal(-3.5, table.Rows[0][1]);
        Assert.Equal("-3.5", CsvTableWriter.Format(table.Rows[0][1]));
        Assert.Equal("-4", CsvTableWriter.Format(table.Rows[0][2]));
        Assert.Equal("'@x", table.Rows[1][0]);
    }

    [Fact]
    public void A_cell_of_the_wrong_type_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ExportTable("t", "", [new("n", ColumnType.WholeNumber, "")], [["12"]]));
        Assert.Throws<ArgumentException>(() => new ExportTable("t", "", [new("n", ColumnType.WholeNumber, "")], [[null]]));
        Assert.Throws<ArgumentException>(() => new ExportTable("t", "", [new("x", ColumnType.Real, "")], [[double.NaN]]));
    }
}
