namespace OutcomesLab.Quality.Funnel;

/// <summary>Where a unit falls on a funnel plot. Outside 95% is a "warning", outside 99.8% an "alarm" (Spiegelhalter 2005).</summary>
public enum FunnelPosition { Within, Above95, Below95, Above998, Below998 }
