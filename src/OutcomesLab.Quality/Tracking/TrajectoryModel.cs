using OutcomesLab.Quality.Modeling;

namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// The expected trajectory of one outcome instrument: the fitted model (null with
/// <see cref="NotFitted"/> saying why), the residual quantile of every session band, and
/// <see cref="HeldOutShareBelow"/>: the share of scores below their bound when the bounds are set on
/// the other half of the episodes — close to the chosen quantile when the bounds are calibrated.
/// </summary>
public sealed record TrajectoryModel(
    string Instrument, int Direction, FittedRegression? Model, string? NotFitted, int TrainingEpisodes,
    double OverallQuantile, IReadOnlyList<BandBound> Bands, double HeldOutShareBelow)
{
    public ModelQuality? Quality => Model?.Quality;

    public BandBound BoundFor(int session)
    {
        var band = SessionBand.Of(session);
        return Bands.FirstOrDefault(b => b.Band == band) ?? new BandBound(band, 0, OverallQuantile, false);
    }

    /// <summary>The score at the bound: worse than this (below for higher-is-better, above for lower-is-better) is not on track.</summary>
    public double Bound(double expected, int session) => expected + Direction * BoundFor(session).Quantile;

    /// <summary>True when the score is worse than the bound: dir × (score − expected) &lt; the band's quantile.</summary>
    public bool IsOffTrack(double score, double expected, int session) => Direction * (score - expected) < BoundFor(session).Quantile;
}
