using SkiaSharp;

namespace OutcomesLab.Reporting.Tests;

/// <summary>Reads a rendered PNG and counts pixels, for "is something drawn here" assertions.</summary>
internal sealed class PixelProbe : IDisposable
{
    private readonly SKBitmap bitmap;

    public PixelProbe(byte[] png)
    {
        bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG SkiaSharp can decode");
    }

    public int Width => bitmap.Width;
    public int Height => bitmap.Height;

    /// <summary>Pixels in the band of rows [top, bottom) darker than mid-grey (text, lines).</summary>
    public int DarkPixels(int top, int bottom, int left = 0, int right = -1)
    {
        right = right < 0 ? Width : right;
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(bottom, Height); y++)
            for (var x = Math.Max(0, left); x < Math.Min(right, Width); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 3 * 110) count++;
            }
        return count;
    }

    /// <summary>Share of pixels that differ from the background colour of the top-left corner.</summary>
    public double NonBackgroundShare()
    {
        var background = bitmap.GetPixel(0, 0);
        var differ = 0;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                if (bitmap.GetPixel(x, y) != background) differ++;
        return differ / (double)(Width * Height);
    }

    /// <summary>Distinct colours, quantised to 4 bits a channel.</summary>
    public int DistinctColours()
    {
        var seen = new HashSet<int>();
        for (var y = 0; y < Height; y += 2)
            for (var x = 0; x < Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                seen.Add((c.Red >> 4) << 8 | (c.Green >> 4) << 4 | c.Blue >> 4);
            }
        return seen.Count;
    }

    public void Dispose() => bitmap.Dispose();
}
