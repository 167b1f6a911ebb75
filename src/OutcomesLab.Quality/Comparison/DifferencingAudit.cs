namespace OutcomesLab.Quality.Comparison;

/// <summary>
/// Checks two tables over the same people (e.g. therapists and sites) for differencing. Each
/// table's rows partition the people, and a reader may add and subtract any rows of both tables
/// (and the total, which is the sum of either table's rows). Seen as a bipartite graph — one vertex
/// per row of each table, one edge per non-empty cross cell (row of table A ∩ row of table B)
/// weighted by its people — a combination Σ aᵢ·rowᵢ + Σ bⱼ·colⱼ gives each cross cell the factor
/// aᵢ + bⱼ, and it isolates a plain set of cells exactly when that set is an edge cut: the cells
/// between a vertex set and the rest (e.g. site S minus its one shown therapist leaves the cell
/// "site S ∩ other"). So nothing below min_cell can be recovered iff every non-empty cut weighs at
/// least min_cell, i.e. iff the global minimum cut of every connected component does (Stoer &amp;
/// Wagner 1997, "A simple min-cut algorithm", J. ACM 44:585–591).
/// </summary>
public static class DifferencingAudit
{
    /// <summary>
    /// The lightest set of cross cells some combination of rows would reveal, when it holds fewer
    /// than <paramref name="minCell"/> people; null when every such set reaches min_cell.
    /// </summary>
    public static RevealedCut? SmallestRevealedCut(IEnumerable<CrossCell> cells, int minCell)
    {
        var edges = cells.Where(c => c.People > 0)
            .GroupBy(c => (c.RowA, c.RowB))
            .Select(g => (A: new TableRow(TableSide.A, g.Key.RowA), B: new TableRow(TableSide.B, g.Key.RowB), People: g.Sum(c => c.People)))
            .ToList();
        RevealedCut? smallest = null;
        foreach (var component in Components(edges))
        {
            var cut = MinimumCut(component, edges);
            if (cut.People < minCell && (smallest is null || cut.People < smallest.People)) smallest = cut;
        }
        return smallest;
    }

    private static List<List<TableRow>> Components(List<(TableRow A, TableRow B, long People)> edges)
    {
        var neighbours = new Dictionary<TableRow, List<TableRow>>();
        foreach (var (a, b, _) in edges)
        {
            (neighbours.TryGetValue(a, out var na) ? na : neighbours[a] = []).Add(b);
            (neighbours.TryGetValue(b, out var nb) ? nb : neighbours[b] = []).Add(a);
        }
        var seen = new HashSet<TableRow>();
        var components = new List<List<TableRow>>();
        foreach (var start in TableRow.InOrder(neighbours.Keys))
        {
            if (!seen.Add(start)) continue;
            var component = new List<TableRow> { start };
            for (var i = 0; i < component.Count; i++)
                foreach (var next in neighbours[component[i]].Where(seen.Add)) component.Add(next);
            components.Add(component);
        }
        return components;
    }

    // Stoer–Wagner on one connected component (at least one row of each table, so ≥ 2 vertices).
    private static RevealedCut MinimumCut(List<TableRow> vertices, List<(TableRow A, TableRow B, long People)> edges)
    {
        vertices = TableRow.InOrder(vertices).ToList();
        var n = vertices.Count;
        var index = vertices.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var weight = new long[n, n];
        foreach (var (a, b, people) in edges)
        {
            if (!index.TryGetValue(a, out var i)) continue;
            var j = index[b];
            weight[i, j] += people;
            weight[j, i] += people;
        }
        var merged = vertices.Select(v => new List<TableRow> { v }).ToList();
        var active = Enumerable.Range(0, n).ToList();
        var best = long.MaxValue;
        List<TableRow> bestSide = [];
        while (active.Count > 1)
        {
            // One phase: grow a set by the most tightly connected vertex; the last one added, cut
            // off from everything else, is the minimum cut separating it from the one before.
            var attached = new long[n];
            var added = new bool[n];
            var previous = -1;
            for (var step = 0; step < active.Count; step++)
            {
                var next = -1;
                foreach (var v in active)
                    if (!added[v] && (next < 0 || attached[v] > attached[next])) next = v;
                added[next] = true;
                if (step == active.Count - 1)
                {
                    if (attached[next] < best)
                    {
                        best = attached[next];
                        bestSide = [.. merged[next]];
                    }
                    merged[previous].AddRange(merged[next]);
                    foreach (var v in active)
                    {
                        weight[previous, v] += weight[next, v];
                        weight[v, previous] = weight[previous, v];
                    }
                    weight[previous, previous] = 0;
                    active.Remove(next);
                    break;
                }
                previous = next;
                foreach (var v in active) if (!added[v]) attached[v] += weight[next, v];
            }
        }
        var side = bestSide.ToHashSet();
        return new RevealedCut(best, side, vertices.Where(v => !side.Contains(v)).ToHashSet());
    }
}
