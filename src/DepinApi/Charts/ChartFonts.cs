using SkiaSharp;

namespace DepinApi.Charts;

/// <summary>
/// The typeface PNGs are drawn with: DejaVu Sans, embedded in the assembly (Bitstream Vera licence, Fonts/ next to
/// this file), because the Skia build without dependencies has no fontconfig and a server may have no fonts at all.
/// A PNG therefore looks the same, byte for byte, on every machine. Bold is DejaVu Sans emboldened by Skia: a second
/// font file would add 700 KB for titles only.
/// </summary>
public static class ChartFonts
{
    private static readonly Lazy<SKTypeface> Sans = new(Load);

    public static SKTypeface Typeface => Sans.Value;

    private static SKTypeface Load()
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream("DepinApi.Charts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded chart font DejaVuSans.ttf is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("The embedded chart font DejaVuSans.ttf could not be read.");
    }
}
