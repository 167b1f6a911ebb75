namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// One chart type. A recipe turns the published figures of a subject into a plot, or returns null
/// when nothing about the subject may be shown (every group suppressed, or no data).
/// </summary>
public interface IChartRecipe
{
    /// <summary>Short name used in file names (<c>trajectory</c>, <c>forest</c>, …).</summary>
    string Name { get; }

    ChartPlan? Plan(ChartContext context, ChartSubject subject);
}
