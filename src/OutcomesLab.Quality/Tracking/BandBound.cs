namespace OutcomesLab.Quality.Tracking;

/// <summary>
/// The not-on-track threshold of one session band: the <c>q</c>-quantile of direction-adjusted
/// out-of-fold residuals dir × (observed − expected). <see cref="OwnQuantile"/> is false when the band
/// had too few residuals and the instrument-wide quantile stands in.
/// </summary>
public sealed record BandBound(string Band, int Residuals, double Quantile, bool OwnQuantile);
