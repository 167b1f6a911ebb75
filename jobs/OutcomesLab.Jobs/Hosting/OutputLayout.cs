using OutcomesLab.Configuration;

namespace OutcomesLab.Jobs.Hosting;

/// <summary>
/// Where the jobs publish, under <c>OutcomesLab:Output/jobs</c>, and where the web UI reads (the reports
/// are <see cref="PublishedFolder"/> roots). Kept apart from what the CLI commands write into
/// OutcomesLab:Output themselves (e.g. <c>report</c>'s <c>director-report/</c>), so neither tidies up the other's files.
/// </summary>
public static class OutputLayout
{
    private static string Jobs(OutcomesLabSettings settings) => Path.Combine(Path.GetFullPath(settings.Output), "jobs");

    public static string DirectorReports(OutcomesLabSettings settings) => Path.Combine(Jobs(settings), "director-report");

    public static string QualityReports(OutcomesLabSettings settings) => Path.Combine(Jobs(settings), "qi-report");

    /// <summary>
    /// Research exports made by the export job, one folder per export id. Never pruned: an export is a
    /// delivery recorded in the export log, and removing one is the custodian's decision.
    /// </summary>
    public static string Exports(OutcomesLabSettings settings) => Path.Combine(Jobs(settings), "exports");

    public static string Aggregates(OutcomesLabSettings settings) => Path.Combine(Jobs(settings), "aggregates");
}
