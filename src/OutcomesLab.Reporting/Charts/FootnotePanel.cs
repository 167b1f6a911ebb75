using OutcomesLab.Presentation.Charts;
using ScottPlot;

namespace OutcomesLab.Reporting.Charts;

/// <summary>
/// A line of small text under the whole figure (ScottPlot's title panel only sits on top):
/// carries the run id, date and min_cell so a chart copied out of the report still says where it came from.
/// </summary>
internal sealed class FootnotePanel : IPanel
{
    private const float Padding = 6;

    public LabelStyle Label { get; } = new()
    {
        FontName = ChartFont.Family,
        FontSize = 11,
        ForeColor = ChartPalette.DarkGrey,
        Alignment = Alignment.UpperLeft,
    };

    public bool IsVisible { get; set; } = true;
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;
    public Edge Edge => Edge.Bottom;
    public bool ShowDebugInformation { get; set; }

    public float Measure(Paint paint) => IsVisible ? Label.Measure(paint).Height + 2 * Padding : 0;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(new Pixel(dataRect.Left, dataRect.Bottom + offset), new Pixel(dataRect.Right, dataRect.Bottom + offset + size));

    public void Render(RenderPack rp, float size, float offset)
    {
        if (!IsVisible) return;
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        // Left-aligned to the figure, not the data area, so it reads as a footnote.
        Label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + 10, rect.Top + Padding), rp.Paint);
    }
}
