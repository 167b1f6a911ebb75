namespace OutcomesLab.Jobs.Web;

/// <summary>A report kind the user may open, with its latest published folder (null before the first).</summary>
public sealed record PublishedReport(string? Latest);
