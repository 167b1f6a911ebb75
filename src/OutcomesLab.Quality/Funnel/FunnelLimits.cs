namespace OutcomesLab.Quality.Funnel;

/// <summary>The 99.8% and 95% control limits (proportions, 0–1) at one number of cases.</summary>
public sealed record FunnelLimits(int N, double Lower998, double Lower95, double Upper95, double Upper998);
