namespace OutcomesLab.Quality.Comparison;

/// <summary>The people in row <paramref name="RowA"/> of one table and row <paramref name="RowB"/> of the other (for one statistic's denominator).</summary>
public sealed record CrossCell(string RowA, string RowB, long People);
