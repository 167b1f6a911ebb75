namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// A set of cross cells that adding and subtracting released rows would isolate: the cells between
/// the rows of <paramref name="Side"/> and those of <paramref name="Rest"/> (one connected component), holding <paramref name="People"/>.
/// </summary>
public sealed record RevealedCut(long People, IReadOnlySet<TableRow> Side, IReadOnlySet<TableRow> Rest);
