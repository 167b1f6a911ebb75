namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// Sessions grouped for the not-on-track bound: how far a score may stray from its expected value
/// grows with the sessions since baseline, so each band gets its own residual quantile when it has
/// enough data (OQ-Analyst's bounds are session-specific for the same reason).
/// </summary>
public static class SessionBand
{
    public static readonly IReadOnlyList<string> All = ["1-4", "5-8", "9-12", "13+"];

    public static string Of(int session) => session switch
    {
        <= 4 => "1-4",
        <= 8 => "5-8",
        <= 12 => "9-12",
        _ => "13+",
    };
}
