namespace OutcomesLab.Quality.Report;

/// <summary>What <see cref="QiReportWriter.Write"/> wrote: paths, and chart names (each as .png and .svg in the chart folder).</summary>
public sealed record QiReportFiles(string Index, string Alerts, string ChartFolder, IReadOnlyList<string> Charts);
