using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Charts;

/// <summary>
/// What a series or figure endpoint answers when the format is an image: the chart (or preview card) as SVG or PNG. The
/// body goes through the same bounded response buffer, rate-limit size charge, ETag and output cache as JSON and CSV.
/// </summary>
public static class ChartResponses
{
    public static bool IsImage(ResponseFormat format) => format is ResponseFormat.Svg or ResponseFormat.Png;

    /// <summary>A chart draws the whole series (filters narrow it), so page parameters would silently mean nothing: 400.</summary>
    public static void RejectPaging(PageParameters paging)
    {
        const string expected = "no limit or cursor with format=svg or png: a chart draws the whole series; narrow it with the filters";
        if (!string.IsNullOrEmpty(paging.Limit))
            throw new InvalidParameterException("limit", expected, paging.Limit);
        if (!string.IsNullOrEmpty(paging.Cursor))
            throw new InvalidParameterException("cursor", expected, paging.Cursor);
    }

    /// <summary>A longer series than <c>Rest:MaxChartPoints</c> is a 400 naming <c>from</c>: a narrower range draws.</summary>
    public static void CheckPoints(int count, int max)
    {
        if (count > max)
            throw new InvalidParameterException("from", $"a range of at most {max} values for a chart", null,
                string.Create(CultureInfo.InvariantCulture,
                    $"The series has more than {max} values, the most one chart draws (Rest:MaxChartPoints); narrow it with 'from' and 'to'."));
    }

    /// <summary>The chart's canvas, as SVG or PNG.</summary>
    public static ChartResult Chart(ResponseFormat format, ReadSession session, ChartSpec spec, string fileStem) =>
        new ChartResult(ChartLayout.Lay(spec), format, FileName(fileStem, session, format));

    /// <summary>A single figure's 1200×630 preview card (PNG only; see <see cref="ResponseFormats.Figure"/>).</summary>
    public static ChartResult Card(ResponseFormat format, ReadSession session, FigureCard card, string fileStem) =>
        new ChartResult(FigureCardLayout.Lay(card), format, FileName(fileStem, session, format));

    private static string FileName(string stem, ReadSession session, ResponseFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"{stem}-v{session.Version.Id}.{(format == ResponseFormat.Png ? "png" : "svg")}");
}

/// <summary>Renders a scene when the response is written, as SVG or PNG, with an inline Content-Disposition naming the file.</summary>
public sealed class ChartResult(ChartScene scene, ResponseFormat format, string fileName) : IResult, IStatusCodeHttpResult
{
    public ChartScene Scene => scene;

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = format == ResponseFormat.Png ? PngChartPainter.Paint(scene) : SvgChartWriter.Write(scene);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format == ResponseFormat.Png ? ResponseFormats.Png.MediaType : ResponseFormats.Svg.MediaType;
        response.ContentLength = body.Length;
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
