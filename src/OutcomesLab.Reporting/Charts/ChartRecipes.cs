namespace OutcomesLab.Reporting.Charts;

/// <summary>The chart recipes of the director report, in the order a section shows them.</summary>
public static class ChartRecipes
{
    public static readonly SessionTrajectoryChart Trajectory = new();
    public static readonly EffectSizeForestChart Forest = new();
    public static readonly ReliableChangeBarsChart ReliableChange = new();
    public static readonly CalendarTrendChart Trend = new();
    public static readonly EffectSizeHeatmapChart Heatmap = new();

    /// <summary>Drawn for every presenting concern × instrument.</summary>
    public static IReadOnlyList<IChartRecipe> PerConcern { get; } = [Forest, ReliableChange, Trajectory, Trend];

    /// <summary>Every recipe (for tests and the benchmark).</summary>
    public static IReadOnlyList<IChartRecipe> All { get; } = [Trajectory, Forest, ReliableChange, Trend, Heatmap];
}
