namespace OutcomesLab.Jobs.Hosting;

/// <summary>Where the jobs publish under <c>OutcomesLab:Output</c> and where the web UI reads (each a <see cref="PublishedFolder"/> root).</summary>
public static class OutputLayout
{
    public static string DirectorReports(OutcomesLabSettings settings) => Path.Combine(Path.GetFullPath(settings.Output), "director-report");

    public static string QualityReports(OutcomesLabSettings settings) => Path.Combine(Path.GetFullPath(settings.Output), "qi-report");

    public static string Aggregates(OutcomesLabSettings settings) => Path.Combine(Path.GetFullPath(settings.Output), "aggregates");
}
