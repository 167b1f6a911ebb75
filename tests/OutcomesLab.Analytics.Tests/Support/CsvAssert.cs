using System.Globalization;
using Xunit.Sdk;

namespace OutcomesLab.Analytics.Tests.Support;

/// <summary>
/// Compares a produced CSV with an expected one the way the independent check does: same header,
/// same rows in the same order, identical text cells and empties, numbers within a relative
/// tolerance. Also counts how many numeric cells match to the last printed digit.
/// </summary>
public static class CsvAssert
{
    public const double RelativeTolerance = 1e-6;

    public sealed record Comparison(int Rows, int NumericCells, int ExactCells, double WorstRelativeError);

    public static Comparison Equivalent(string expectedPath, string actualPath, IReadOnlySet<string> textColumns)
    {
        var expected = File.ReadAllLines(expectedPath);
        var actual = File.ReadAllLines(actualPath);
        var file = Path.GetFileName(expectedPath);
        if (expected[0] != actual[0]) throw new XunitException($"{file}: header differs:\n expected {expected[0]}\n actual   {actual[0]}");
        var columns = expected[0].Split(',');
        int numeric = 0, exact = 0;
        double worst = 0;
        for (var i = 1; i < Math.Max(expected.Length, actual.Length); i++)
        {
            if (i >= expected.Length) throw new XunitException($"{file}: extra row {i + 1}: {actual[i]}");
            if (i >= actual.Length) throw new XunitException($"{file}: missing row {i + 1}: {expected[i]}");
            var e = expected[i].Split(',');
            var a = actual[i].Split(',');
            if (e.Length != a.Length) throw new XunitException($"{file} line {i + 1}: {a.Length} cells, expected {e.Length}");
            for (var j = 0; j < e.Length; j++)
            {
                if (textColumns.Contains(columns[j]) || e[j].Length == 0 || a[j].Length == 0)
                {
                    if (e[j] != a[j])
                        throw new XunitException($"{file} line {i + 1} column {columns[j]}: expected '{e[j]}', got '{a[j]}'\n expected {expected[i]}\n actual   {actual[i]}");
                    continue;
                }
                numeric++;
                if (e[j] == a[j]) { exact++; continue; }
                var x = double.Parse(e[j], CultureInfo.InvariantCulture);
                var y = double.Parse(a[j], CultureInfo.InvariantCulture);
                var scale = Math.Max(Math.Abs(x), Math.Abs(y));
                var err = scale == 0 ? 0 : Math.Abs(x - y) / scale;
                // Integers must be printed the same way; only real numbers may differ in their last digits.
                if (columns[j].StartsWith("n_", StringComparison.Ordinal) || columns[j] == "n" || err > RelativeTolerance
                    || e[j].Contains('.', StringComparison.Ordinal) != a[j].Contains('.', StringComparison.Ordinal))
                    throw new XunitException($"{file} line {i + 1} column {columns[j]}: expected {e[j]}, got {a[j]} (relative error {err:G3})");
                worst = Math.Max(worst, err);
            }
        }
        return new Comparison(expected.Length - 1, numeric, exact, worst);
    }

    public static readonly IReadOnlySet<string> AggregateText = new HashSet<string> { "instrument", "presenting_concern", "approach", "population", "suppressed" };
    public static readonly IReadOnlySet<string> TrajectoryText = new HashSet<string> { "instrument", "presenting_concern", "approach", "session_number", "suppressed" };
}
