using OutcomesLab.Presentation.Charts;
using ScottPlot;
using SkiaSharp;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// Small multiples: a grid of ScottPlot panels under one title, with the run footnote below — one
/// panel per series reads faster than many overlapping lines and bands.
/// </summary>
public sealed class PanelGridChart : ChartPlan
{
    private const float Margin = 10;
    private readonly List<Plot> panels;
    private readonly int columns;

    public PanelGridChart(IEnumerable<Plot> panels, int columns, string titleText, string subtitle, string footnote, string title, string altText, int width, int height)
        : base(title, altText, width, height)
    {
        this.panels = panels.ToList();
        this.columns = Math.Max(1, columns);
        TitleLabel = new LabelStyle
        {
            Text = titleText,
            FontName = ChartFont.Family,
            FontSize = ChartFrame.TitleSize,
            Bold = true,
            ForeColor = ChartPalette.Black,
            Alignment = Alignment.UpperCenter,
        };
        Subtitle = new LabelStyle
        {
            Text = subtitle,
            FontName = ChartFont.Family,
            FontSize = 14,
            ForeColor = ChartPalette.DarkGrey,
            Alignment = Alignment.UpperCenter,
        };
        Footnote = new LabelStyle
        {
            Text = footnote,
            FontName = ChartFont.Family,
            FontSize = 11,
            ForeColor = ChartPalette.DarkGrey,
            Alignment = Alignment.LowerLeft,
        };
    }

    public override IReadOnlyList<Plot> Plots => panels;
    public override LabelStyle TitleLabel { get; }
    public LabelStyle Subtitle { get; }
    public LabelStyle Footnote { get; }

    protected override void Draw(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);
        using var paint = Paint.NewDisposablePaint();
        var titleOnly = TitleLabel.Measure(paint).Height;
        var titleHeight = titleOnly + Subtitle.Measure(paint).Height + 3 * Margin;
        var footHeight = Footnote.Measure(paint).Height + 2 * Margin;
        var rows = (panels.Count + columns - 1) / columns;
        var cellWidth = (Width - 2 * Margin) / columns;
        var cellHeight = (Height - titleHeight - footHeight) / Math.Max(1, rows);
        for (var i = 0; i < panels.Count; i++)
        {
            var left = Margin + i % columns * cellWidth;
            var top = titleHeight + i / columns * cellHeight;
            var rect = new PixelRect(new Pixel(left, top), new Pixel(left + cellWidth, top + cellHeight));
            // ScottPlot clears the canvas with its figure background before drawing: confine it to the panel.
            canvas.Save();
            canvas.ClipRect(rect.ToSKRect());
            panels[i].Render(canvas, rect);
            canvas.Restore();
        }
        TitleLabel.Render(canvas, new Pixel(Width / 2f, Margin), paint);
        Subtitle.Render(canvas, new Pixel(Width / 2f, 1.5f * Margin + titleOnly), paint);
        Footnote.Render(canvas, new Pixel(Margin, Height - Margin), paint);
    }
}
