using System.ComponentModel;
using GraphQLEngine.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The representations a resource can have; which data formats a resource offers is a <see cref="ResponseFormats"/>
/// list. <see cref="Html"/> is the page a browser gets for the resources that have one (docs/pages.md): chosen by
/// the Accept header only, never by <c>?format=</c>.
/// </summary>
public enum ResponseFormat { Json, Csv, Svg, Png, Html }

/// <summary>
/// The one table of formats: the name <c>?format=</c> takes, the media type an Accept header names (and the
/// documented Content-Type), and which resources offer which. Negotiation, the 400 that lists the allowed
/// values and the OpenAPI document all read it.
/// </summary>
public static class ResponseFormats
{
    public sealed record KnownFormat(ResponseFormat Format, string Name, string MediaType);

    /// <summary>What every <c>format</c> parameter's description says of case: its OpenAPI <c>enum</c> lists the lower-case names only.</summary>
    public const string CaseRule = "Read in any letter case (`CSV` is `csv`), as a media type's name is.";

    public static readonly KnownFormat Json = new(ResponseFormat.Json, "json", "application/json");
    public static readonly KnownFormat Csv = new(ResponseFormat.Csv, "csv", "text/csv");
    public static readonly KnownFormat Svg = new(ResponseFormat.Svg, "svg", "image/svg+xml");
    public static readonly KnownFormat Png = new(ResponseFormat.Png, "png", "image/png");

    /// <summary>Every resource: JSON (the default) and CSV.</summary>
    public static readonly IReadOnlyList<KnownFormat> Data = [Json, Csv];

    /// <summary>A series: also a chart as SVG, and a 1200×630 PNG of the same chart.</summary>
    public static readonly IReadOnlyList<KnownFormat> Series = [Json, Csv, Svg, Png];

    /// <summary>A single figure (a permalink): also a 1200×630 PNG preview card.</summary>
    public static readonly IReadOnlyList<KnownFormat> Figure = [Json, Csv, Png];

    /// <summary>"json or csv", "json, csv, svg or png": the allowed names, as a 400 lists them.</summary>
    public static string Expected(IReadOnlyList<KnownFormat> allowed) => allowed.Count == 1
        ? allowed[0].Name
        : string.Join(", ", allowed.Take(allowed.Count - 1).Select(e => e.Name)) + " or " + allowed[^1].Name;
}

/// <summary>The parameters every resource accepts: the representation and the point in history.</summary>
public sealed record ResourceParameters
{
    [FromQuery(Name = "format")]
    [Description("json (default) or csv. Without it, an Accept header that prefers text/csv selects CSV. " + ResponseFormats.CaseRule)]
    public string? Format { get; init; }

    [FromQuery(Name = "asOf")]
    [Description("The data as the API served it then: a data version number (e.g. 1) or a date YYYY-MM-DD (end of that UTC day). Default: the newest data.")]
    public string? AsOf { get; init; }
}

/// <summary>Chooses a representation from <c>?format=</c> first, then from the Accept header.</summary>
public static class ContentNegotiation
{
    public static readonly string CsvMediaType = ResponseFormats.Csv.MediaType;

    public const string HtmlMediaType = "text/html";

    /// <summary>JSON or CSV, as every resource offers.</summary>
    public static ResponseFormat Resolve(HttpRequest request, string? format) => Resolve(request, format, ResponseFormats.Data);

    /// <summary>
    /// As <see cref="Resolve(HttpRequest, string?, IReadOnlyList{ResponseFormats.KnownFormat})"/>, for a resource that also has a
    /// page: without <c>?format=</c>, an Accept header that gives text/html a higher quality than every format of
    /// <paramref name="allowed"/> selects HTML. Browsers send that (<c>text/html,…,*/*;q=0.8</c>); <c>*/*</c> alone, as
    /// curl sends, stays JSON.
    /// </summary>
    public static ResponseFormat ResolveWithPage(HttpRequest request, string? format, IReadOnlyList<ResponseFormats.KnownFormat>? allowed = null) =>
        string.IsNullOrEmpty(format)
            ? Preferred(request, allowed ?? ResponseFormats.Data, withPage: true)
            : Resolve(request, format, allowed ?? ResponseFormats.Data);

    /// <summary>One of <paramref name="allowed"/> (JSON first); any other <c>format</c> is a 400 listing them.</summary>
    public static ResponseFormat Resolve(HttpRequest request, string? format, IReadOnlyList<ResponseFormats.KnownFormat> allowed)
    {
        if (!string.IsNullOrEmpty(format))
        {
            foreach (var entry in allowed)
            {
                if (entry.Name.Equals(format, StringComparison.OrdinalIgnoreCase))
                    return entry.Format;
            }
            throw new InvalidParameterException("format", ResponseFormats.Expected(allowed), format);
        }
        return Preferred(request, allowed, withPage: false);
    }

    /// <summary>
    /// The representation the Accept header gives the highest quality (RFC 9110 12.5.1, read by <see cref="MediaRanges"/>:
    /// a wildcard gives its quality to every type it matches, a more specific range overrides it), among the formats of
    /// <paramref name="allowed"/> and, <paramref name="withPage"/>, the page. On a tie the earlier in the table wins, JSON
    /// first and the page last, so <c>*/*</c> stays JSON. When the header accepts none of them (<c>application/xml</c>,
    /// <c>application/json;q=0</c>), or is missing or malformed, JSON: RFC 9110 lets a server disregard the header rather
    /// than answer 406.
    /// </summary>
    private static ResponseFormat Preferred(HttpRequest request, IReadOnlyList<ResponseFormats.KnownFormat> allowed, bool withPage) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
            ? Weigh(ranges, allowed, withPage).Format
            : ResponseFormat.Json;

    /// <summary>
    /// The representation to answer instead of a chart that only the Accept header chose and that this query cannot
    /// draw (<paramref name="why"/> says why): the one the header prefers among the data formats and, <paramref name="withPage"/>,
    /// the page, as if the images were not offered. When it accepts none of them, JSON, as for any header accepting
    /// nothing offered; but a client that accepts images only is told so with a 406 (<see cref="NotAcceptableException"/>)
    /// rather than sent JSON it would try to show as a picture.
    /// </summary>
    public static ResponseFormat InsteadOfImage(HttpRequest request, bool withPage, InvalidParameterException why)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges))
            return ResponseFormat.Json;
        var (format, quality) = Weigh(ranges, ResponseFormats.Data, withPage);
        if (quality > 0 || ranges.Any(r => (r.Quality ?? 1) > 0 && !r.Type.Equals("image", StringComparison.OrdinalIgnoreCase)))
            return format;
        IReadOnlyList<string> available = withPage
            ? [.. ResponseFormats.Data.Select(f => f.MediaType), HtmlMediaType]
            : [.. ResponseFormats.Data.Select(f => f.MediaType)];
        throw new NotAcceptableException(available, why);
    }

    private static (ResponseFormat Format, double Quality) Weigh(IList<MediaTypeHeaderValue> ranges,
        IReadOnlyList<ResponseFormats.KnownFormat> allowed, bool withPage)
    {
        var best = ResponseFormat.Json;
        var bestQuality = 0d;
        foreach (var entry in allowed)
        {
            var quality = MediaRanges.Match(ranges, entry.MediaType).Quality;
            if (quality > bestQuality)
            {
                best = entry.Format;
                bestQuality = quality;
            }
        }
        var page = withPage ? MediaRanges.Match(ranges, HtmlMediaType).Quality : 0;
        return page > bestQuality ? (ResponseFormat.Html, page) : (best, bestQuality);
    }
}
