namespace OutcomesLab.Reporting.Charts;

/// <summary>One chart to render: which recipe, for what, and the file stem it is written under.</summary>
public sealed record ChartJob(IChartRecipe Recipe, ChartSubject Subject, string Stem);
