using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// A chart ready to render: the ScottPlot figure, its size, and the words a reader without the
/// image needs (title and alt text for the report).
/// </summary>
public sealed class ChartPlan(Plot plot, string title, string altText, int width, int height) : IDisposable
{
    public Plot Plot { get; } = plot;
    public string Title { get; } = title;
    public string AltText { get; } = altText;
    public int Width { get; } = width;
    public int Height { get; } = height;

    public void Dispose() => Plot.Dispose();
}
