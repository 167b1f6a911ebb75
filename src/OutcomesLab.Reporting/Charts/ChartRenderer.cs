using SkiaSharp;

namespace OutcomesLab.Reporting.Charts;

/// <summary>Writes a chart as <c>stem.png</c> and <c>stem.svg</c> into a folder.</summary>
public static class ChartRenderer
{
    // ScottPlot's PNG export uses Skia's default encoder (all filters, zlib 6), which costs several
    // times the drawing itself; the Sub filter at zlib level 3 gives slightly larger files for a
    // fraction of the time, so encoding does not dominate a report's rendering.
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 3);

    public static RenderedChart Write(ChartPlan plan, string folder, string stem)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, stem + ".png"), Png(plan));
        File.WriteAllText(Path.Combine(folder, stem + ".svg"), Svg(plan));
        return new RenderedChart(stem, plan.Title, plan.AltText, plan.Width, plan.Height);
    }

    public static byte[] Png(ChartPlan plan)
    {
        using var surface = SKSurface.Create(new SKImageInfo(plan.Width, plan.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not allocate a {plan.Width}×{plan.Height} surface");
        plan.Render(surface.Canvas);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(PngOptions)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG");
        return data.ToArray();
    }

    public static string Svg(ChartPlan plan)
    {
        using var stream = new MemoryStream();
        // The SVG canvas writes its closing tag when disposed, so it must be gone before the stream is read.
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(plan.Width, plan.Height), stream))
            plan.Render(canvas);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>A chart written to disk: its file stem (stem.png, stem.svg), title, alt text and pixel size.</summary>
public sealed record RenderedChart(string Stem, string Title, string AltText, int Width, int Height);
