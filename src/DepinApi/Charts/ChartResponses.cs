using System.Globalization;
using DepinApi.RateLimiting;
using DepinApi.ReadModel;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Charts;

/// <summary>
/// What a series or figure endpoint answers when the format is an image: the chart (or preview card) as SVG or PNG. The
/// body goes through the same bounded response buffer, rate-limit size charge, ETag and output cache as JSON and CSV.
/// </summary>
public static class ChartResponses
{
    public static bool IsImage(ResponseFormat format) => format is ResponseFormat.Svg or ResponseFormat.Png;

    /// <summary>
    /// What a series answers instead of a chart this query cannot draw (<paramref name="refusal"/> says why). Asked for by
    /// <c>format=</c>, or by <c>mark</c>, which means nothing but a chart, the refusal stands: a 400 naming the parameter.
    /// Chosen by the Accept header alone, the chart was only its first choice, and negotiation chooses among what can be
    /// made: the representation the header takes next, or a 406 when it accepts images only
    /// (<see cref="ContentNegotiation.InsteadOfImage"/>).
    /// </summary>
    public static ResponseFormat InsteadOfChart(HttpRequest request, ResourceParameters resource, string? mark, bool withPage,
        InvalidParameterException refusal) =>
        string.IsNullOrEmpty(resource.Format) && string.IsNullOrEmpty(mark)
            ? ContentNegotiation.InsteadOfImage(request, withPage, refusal)
            : throw refusal;

    /// <summary>A chart draws the whole series (filters narrow it), so page parameters would silently mean nothing.</summary>
    public static InvalidParameterException? PagingRefusal(PageParameters paging)
    {
        const string expected = "no limit or cursor with format=svg or png: a chart draws the whole series; narrow it with the filters";
        if (!string.IsNullOrEmpty(paging.Limit))
            return new InvalidParameterException("limit", expected, paging.Limit);
        if (!string.IsNullOrEmpty(paging.Cursor))
            return new InvalidParameterException("cursor", expected, paging.Cursor);
        return null;
    }

    /// <summary>A series of several metrics has no one chart: <c>metric</c> must name one of <paramref name="drawn"/>.</summary>
    public static InvalidParameterException? OneMetricRefusal(IReadOnlyList<string> drawn, string? metric) =>
        drawn.Count > 1
            ? new InvalidParameterException("metric", "one of " + string.Join(", ", drawn), metric,
                $"A chart draws one metric; name one with 'metric': {string.Join(", ", drawn)}.")
            : null;

    /// <summary>A longer series than <c>Rest:MaxChartPoints</c> is refused naming <c>from</c>: a narrower range draws.</summary>
    public static InvalidParameterException? PointsRefusal(int count, int max) =>
        count > max
            ? new InvalidParameterException("from", $"a range of at most {max} values for a chart", null,
                string.Create(CultureInfo.InvariantCulture,
                    $"The series has more than {max} values, the most one chart draws (Rest:MaxChartPoints); narrow it with 'from' and 'to'."))
            : null;

    /// <summary>
    /// <c>mark</c> names the figure a chart singles out (a figure page shows its figure in the context of its series);
    /// it means nothing to the data formats or the page, so there it is a 400 rather than silently ignored.
    /// </summary>
    public static void RejectMarkWithout(ResponseFormat format, string? mark)
    {
        if (!string.IsNullOrEmpty(mark) && !IsImage(format))
            throw new InvalidParameterException("mark", "no mark without format=svg or png: it marks a figure on the chart", mark);
    }

    /// <summary>The chart with figure <paramref name="mark"/> singled out; a 400 naming <c>mark</c> when the chart does not draw it.</summary>
    public static ChartSpec Mark(ChartSpec spec, string? mark)
    {
        if (string.IsNullOrEmpty(mark))
            return spec;
        return SeriesCharts.Marking(spec, mark)
            ?? throw new InvalidParameterException("mark", "the id of a figure this chart draws", mark,
                $"The chart draws no figure with id '{mark}'. A revenue chart draws each quarter's preferred figure, a price chart "
                + "the rows that state a price; filters and asOf narrow what it draws.");
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
        if (format == ResponseFormat.Png && !await ChargePaintingAsync(httpContext))
        {
            // Set for the PNG that is not painted; the 429 is no representation to tag or cache.
            httpContext.Response.Headers.Remove(HeaderNames.ETag);
            httpContext.Response.Headers.Remove(HeaderNames.CacheControl);
            await RateLimitRejection.WriteAsync(httpContext);
            return;
        }
        var body = format == ResponseFormat.Png ? PngChartPainter.Paint(scene) : SvgChartWriter.Write(scene);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format == ResponseFormat.Png ? ResponseFormats.Png.MediaType : ResponseFormats.Svg.MediaType;
        response.ContentLength = body.Length;
        response.Headers.ContentDisposition = FileDisposition.Of(FileDisposition.Inline, fileName);
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>
    /// A PNG costs far more CPU to paint than its bytes say (<see cref="RestOptions.PngPaintPoints"/>). It is charged before
    /// it is painted, so a client whose other requests spent the balance meanwhile gets its 429 without the server
    /// painting; <see cref="ReadThenWriteMiddleware"/> adds the size charge on top once the response is built.
    /// </summary>
    private static async ValueTask<bool> ChargePaintingAsync(HttpContext http)
    {
        var points = http.RequestServices.GetRequiredService<IOptions<RestOptions>>().Value.PngPaintPoints;
        return points <= 0 || await WorkCharge.ChargeAsync(http, points);
    }
}
