namespace OutcomesLab.Analytics.Aggregation;

/// <summary>
/// The row order of every output: keys compared ordinally (code point order, as the reference
/// implementation sorts), numbers numerically. Never culture order: it differs between machines.
/// </summary>
internal static class KeyOrder
{
    public static readonly IComparer<(string, string, string, string)> Strings4 = Comparer<(string, string, string, string)>.Create((x, y) =>
    {
        var c = string.CompareOrdinal(x.Item1, y.Item1);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Item2, y.Item2);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Item3, y.Item3);
        return c != 0 ? c : string.CompareOrdinal(x.Item4, y.Item4);
    });

    public static readonly IComparer<(string, string, string, int)> Trajectory = Comparer<(string, string, string, int)>.Create((x, y) =>
    {
        var c = string.CompareOrdinal(x.Item1, y.Item1);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Item2, y.Item2);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Item3, y.Item3);
        return c != 0 ? c : x.Item4.CompareTo(y.Item4);
    });
}
