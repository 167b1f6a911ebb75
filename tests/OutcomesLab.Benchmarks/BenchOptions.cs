using System.Globalization;

namespace OutcomesLab.Benchmarks;

/// <summary>Command line: [--episodes 10000,50000,100000] [--large] [--store CONNSTRING] [--runs N] [--min-cell 11].</summary>
internal sealed record BenchOptions(IReadOnlyList<int> Sizes, string? PostgresStore, int Runs, int MinCell)
{
    public static BenchOptions Parse(string[] args)
    {
        var sizes = new List<int> { 10_000, 50_000, 100_000 };
        var large = false;
        string? store = null;
        var runs = 3;
        var minCell = 11;
        for (var k = 0; k < args.Length; k++)
        {
            string Next() => k + 1 < args.Length ? args[++k] : throw new ArgumentException($"option {args[k]} needs a value");
            switch (args[k])
            {
                case "--episodes":
                    sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--large": large = true; break;
                case "--store": store = Next(); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--min-cell": minCell = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[k]}");
            }
        }
        if (large && !sizes.Contains(1_000_000)) sizes.Add(1_000_000);
        if (runs < 1) throw new ArgumentException("--runs must be at least 1");
        return new BenchOptions(sizes, store, runs, minCell);
    }
}
