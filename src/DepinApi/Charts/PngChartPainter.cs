using SkiaSharp;

namespace DepinApi.Charts;

/// <summary>
/// Paints a <see cref="ChartScene"/> into a PNG with SkiaSharp on the CPU: the same scene the SVG shows, at 1200×630 (the
/// Open Graph image size). CPU raster, one embedded font and no timestamp chunk make the bytes depend on the data only.
/// </summary>
public static class PngChartPainter
{
    public static byte[] Paint(ChartScene scene)
    {
        var info = new SKImageInfo(scene.Width, scene.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException("Skia could not create a raster surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round };
        using var font = new SKFont(ChartFonts.Typeface) { Subpixel = true, Edging = SKFontEdging.Antialias };
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case TextShape t:
                    fill.Color = SKColor.Parse(t.Fill);
                    font.Size = (float)t.Size;
                    font.Embolden = t.Bold;
                    var align = t.Anchor switch { TextAnchor.Middle => SKTextAlign.Center, TextAnchor.End => SKTextAlign.Right, _ => SKTextAlign.Left };
                    canvas.DrawText(t.Text, (float)t.X, (float)t.Y, align, font, fill);
                    break;
                case LineShape l:
                    stroke.Color = SKColor.Parse(l.Stroke);
                    stroke.StrokeWidth = (float)l.Width;
                    canvas.DrawLine((float)l.X1, (float)l.Y1, (float)l.X2, (float)l.Y2, stroke);
                    break;
                case PolylineShape p:
                    stroke.Color = SKColor.Parse(p.Stroke);
                    stroke.StrokeWidth = (float)p.Width;
                    // Segments with round caps join as a round-joined path would.
                    stroke.StrokeCap = SKStrokeCap.Round;
                    for (var i = 1; i < p.Points.Count; i++)
                        canvas.DrawLine((float)p.Points[i - 1].X, (float)p.Points[i - 1].Y, (float)p.Points[i].X, (float)p.Points[i].Y, stroke);
                    stroke.StrokeCap = SKStrokeCap.Butt;
                    break;
                case RectShape r:
                    var rect = SKRect.Create((float)r.X, (float)r.Y, (float)r.Width, (float)r.Height);
                    fill.Color = SKColor.Parse(r.Fill);
                    canvas.DrawRect(rect, fill);
                    if (r.Stroke is { } outline)
                    {
                        stroke.Color = SKColor.Parse(outline);
                        stroke.StrokeWidth = 1;
                        canvas.DrawRect(rect, stroke);
                    }
                    break;
                case DotShape d:
                    fill.Color = SKColor.Parse(d.Fill);
                    canvas.DrawCircle((float)d.X, (float)d.Y, (float)d.Radius, fill);
                    break;
            }
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return png.ToArray();
    }
}
