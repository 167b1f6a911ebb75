using OutcomesLab.Analytics.Csv;
using OutcomesLab.Analytics.Tests.Support;
using OutcomesLab.Domain;
using OutcomesLab.TestSupport;
using Xunit;

namespace OutcomesLab.Analytics.Tests;

/// <summary>The published file format: columns, empties, true/false, CRLF, and numbers as the reference prints them.</summary>
public sealed class AggregateCsvTests
{
    // The expected files (written by the independent implementation) print whole numbers with ".0",
    // full round-trip digits otherwise, and switch to exponents outside 1e-4 … 1e16.
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(36.0, "36.0")]
    [InlineData(-1.0, "-1.0")]
    [InlineData(62.99999999999999, "62.99999999999999")]
    [InlineData(47.07379134860051, "47.07379134860051")]
    [InlineData(-0.005025666501076313, "-0.005025666501076313")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012345, "0.00012345")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(-2.5e-07, "-2.5e-07")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e22, "1.5e+22")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    public void Numbers_print_like_the_reference(double value, string text) => Assert.Equal(text, RoundTripNumber.Format(value));

    [Fact]
    public void Every_printed_number_reads_back_to_the_same_double()
    {
        var random = new Random(3);
        for (var i = 0; i < 20000; i++)
        {
            var v = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(v)) continue;
            Assert.Equal(v, double.Parse(RoundTripNumber.Format(v), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Files_round_trip_and_keep_the_reference_conventions()
    {
        using var folder = new TempFolder();
        var f = HandComputedDatasetTests.Dataset().Compute(minCell: 3);
        var run = new AggregateRun(1, DateTimeOffset.UnixEpoch, 3, ["b"], f.Aggregates, f.Trajectories, f.Trends);
        AggregateCsv.WriteAll(folder.Path, run);

        Assert.Equal(f.Aggregates, AggregateCsv.ReadAggregates(folder.File(AggregateCsv.AggregatesFile)));
        Assert.Equal(f.Trajectories, AggregateCsv.ReadTrajectories(folder.File(AggregateCsv.TrajectoriesFile)));
        Assert.Equal(f.Trends, AggregateCsv.ReadTrends(folder.File(AggregateCsv.TrendsFile)));

        var text = File.ReadAllText(folder.File(AggregateCsv.AggregatesFile));
        Assert.StartsWith(string.Join(',', AggregateCsv.AggregateColumns) + "\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // A suppressed row: keys, 21 empty cells, true.
        Assert.Contains("SAT,low_desire,mindfulness,completed,,,,,,,,,,,,,,,,,,,,,,true\r\n", text, StringComparison.Ordinal);
        // min_cell 3 also suppressed low_desire/cbt (3 paired) as the partner of erectile_dysfunction/cbt (1) in the cbt line.
        Assert.Contains("SAT,low_desire,cbt,all,,,,,,,,,,,,,,,,,,,,,,true\r\n", text, StringComparison.Ordinal);

        // Published with min_cell 1: counts as integers, whole numbers with ".0", empty cells where n is too small.
        AggregateCsv.WriteAggregates(folder.File("one.csv"), HandComputedDatasetTests.Dataset().Compute(minCell: 1).Aggregates);
        var one = File.ReadAllText(folder.File("one.csv"));
        Assert.Contains("\r\nSAT,low_desire,cbt,all,3,3,34.0,6.0,43.333333333333", one, StringComparison.Ordinal);
        Assert.Contains("\r\nSAT,erectile_dysfunction,cbt,all,1,1,30.0,,41.0,,11.0,,,,,,1,100.0,0,0.0,1,1,100.0,1,100.0,false\r\n", one, StringComparison.Ordinal);
        Assert.Contains("\r\nSAT,low_desire,cbt,completed,2,2,31.0,4.242640687119285,39.0,1.4142135623730951,8.0,5.656854249492381,-1.0,,,,", one, StringComparison.Ordinal);
        Assert.Equal(string.Join(',', AggregateCsv.TrendColumns), File.ReadLines(folder.File(AggregateCsv.TrendsFile)).First());
        Assert.False(File.Exists(folder.File(AggregateCsv.AggregatesFile + ".tmp")));
    }

    [Fact]
    public void A_code_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_read_back_as_given()
    {
        using var folder = new TempFolder();
        var path = folder.File(AggregateCsv.TrendsFile);
        // Catalog and code-list values are configuration: a hostile catalog can start a code with any of = + - @.
        TrendRow[] rows =
        [
            new("=HYPERLINK(\"http://x.example\",\"a\")", "+low_desire", "-cbt", "@2025-Q1", 12, -0.5, -1.0, 0.0, 10.0, false),
            new("SAT", "low_desire", "cbt", "2025-Q2", 12, 0.5, 0.1, 0.9, 20.0, false),
        ];
        AggregateCsv.WriteTrends(path, rows);

        var line = File.ReadLines(path).ElementAt(1);
        Assert.StartsWith("\"'=HYPERLINK(", line, StringComparison.Ordinal);
        Assert.Contains(",'+low_desire,'-cbt,'@2025-Q1,12,-0.5,-1.0,0.0,", line, StringComparison.Ordinal);
        Assert.Equal(rows, AggregateCsv.ReadTrends(path));
    }

    [Fact]
    public void A_bad_file_is_named_by_line_and_column_without_its_value()
    {
        using var folder = new TempFolder();
        var path = folder.File("trajectories.csv");
        File.WriteAllText(path, string.Join(',', AggregateCsv.TrajectoryColumns) + "\r\nSAT,low_desire,cbt,0,3,secret-value,,,,false\r\n");
        var e = Assert.Throws<InvalidDataException>(() => AggregateCsv.ReadTrajectories(path));
        Assert.Equal("trajectories.csv line 2 column mean: not a number", e.Message);

        File.WriteAllText(path, "instrument,concern\r\n");
        Assert.Contains("line 1: header is not", Assert.Throws<InvalidDataException>(() => AggregateCsv.ReadTrajectories(path)).Message, StringComparison.Ordinal);
    }
}
