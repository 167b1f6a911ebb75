using ScottPlot;

namespace OutcomesLab.Presentation.Charts;

/// <summary>
/// The typography every OutcomesLab chart shares (director report and QI report): the embedded font
/// on title, axis labels and ticks, the palette's greys, no minor ticks, a light grid, no frame box.
/// Sizes differ between a full chart and a small panel, so they are the caller's.
/// </summary>
public static class ChartTypography
{
    public static Plot New(string title, string xLabel, string yLabel, float titleSize, float axisLabelSize, float tickLabelSize)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontName = ChartFont.Family;
        plot.Axes.Title.Label.FontSize = titleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Black;
        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontName = ChartFont.Family;
            axis.Label.FontSize = axisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ChartPalette.DarkGrey;
            axis.TickLabelStyle.FontName = ChartFont.Family;
            axis.TickLabelStyle.FontSize = tickLabelSize;
            axis.TickLabelStyle.ForeColor = ChartPalette.DarkGrey;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Grid.MajorLineColor = Color.FromHex("#000000").WithAlpha(0.08);
        plot.Axes.Frame(false);
        return plot;
    }

    /// <summary>A full chart's extras: thin left and bottom axis lines and a legend in the embedded font.</summary>
    public static Plot WithAxisLinesAndLegend(this Plot plot, float legendSize)
    {
        plot.Axes.Left.FrameLineStyle.Width = 1;
        plot.Axes.Bottom.FrameLineStyle.Width = 1;
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = legendSize;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.OutlineColor = ChartPalette.LightGrey;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }
}
