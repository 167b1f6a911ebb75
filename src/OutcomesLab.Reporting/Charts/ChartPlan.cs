using ScottPlot;
using SkiaSharp;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// A chart ready to render: how to draw it on a canvas of its size, and the words a reader without
/// the image needs (title and alt text for the report). Either one ScottPlot figure
/// (<see cref="SinglePlotChart"/>) or a grid of small panels under one title (<see cref="PanelGridChart"/>).
/// </summary>
public abstract class ChartPlan(string title, string altText, int width, int height) : IDisposable
{
    public string Title { get; } = title;
    public string AltText { get; } = altText;
    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>Every ScottPlot figure drawn (one, or one per panel), for inspection by tests.</summary>
    public abstract IReadOnlyList<Plot> Plots { get; }

    /// <summary>The style of the figure's title (tests recolour it to prove the glyphs are drawn).</summary>
    public abstract LabelStyle TitleLabel { get; }

    private bool settled;

    /// <summary>Draws the whole chart on a canvas of <see cref="Width"/> × <see cref="Height"/>.</summary>
    public void Render(SKCanvas canvas)
    {
        // ScottPlot draws a figure twice when its first pass changes the layout (axis panels
        // measured from tick labels). On a raster that is only wasted time; in an SVG it writes every
        // element twice. A first pass on a canvas that draws nothing settles the layout.
        if (!settled)
        {
            using var dryRun = new SKNoDrawCanvas(Width, Height);
            Draw(dryRun);
            settled = true;
        }
        Draw(canvas);
    }

    protected abstract void Draw(SKCanvas canvas);

    public void Dispose()
    {
        foreach (var plot in Plots) plot.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A chart that is one ScottPlot figure (title, legend and footnote are part of it).</summary>
public sealed class SinglePlotChart(Plot plot, string title, string altText, int width, int height) : ChartPlan(title, altText, width, height)
{
    public Plot Plot { get; } = plot;
    public override IReadOnlyList<Plot> Plots => [Plot];
    public override LabelStyle TitleLabel => Plot.Axes.Title.Label;
    protected override void Draw(SKCanvas canvas) => Plot.Render(canvas, Width, Height);
}
