using System.ComponentModel;
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
    [Description("json (default) or csv. Without it, an Accept header that prefers text/csv selects CSV.")]
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
    /// page: without <c>?format=</c>, an Accept header that names text/html with a higher quality than every format of
    /// <paramref name="allowed"/> selects HTML. Browsers send that (<c>text/html,…,*/*;q=0.8</c>); <c>*/*</c> alone, as
    /// curl sends, stays JSON.
    /// </summary>
    public static ResponseFormat ResolveWithPage(HttpRequest request, string? format, IReadOnlyList<ResponseFormats.KnownFormat>? allowed = null)
    {
        allowed ??= ResponseFormats.Data;
        var resolved = Resolve(request, format, allowed);
        return string.IsNullOrEmpty(format) && PrefersHtml(request, allowed) ? ResponseFormat.Html : resolved;
    }

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
        return Preferred(request, allowed);
    }

    /// <summary>
    /// The allowed type the client names with a higher quality than application/json; JSON otherwise, and on a tie
    /// the earlier entry of the table. Wildcards do not count: a named type is more specific than */* at any equal quality.
    /// </summary>
    private static ResponseFormat Preferred(HttpRequest request, IReadOnlyList<ResponseFormats.KnownFormat> allowed)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return ResponseFormat.Json;
        var qualities = new double[allowed.Count];
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1;
            for (var i = 0; i < allowed.Count; i++)
            {
                if (media.MediaType.Equals(allowed[i].MediaType, StringComparison.OrdinalIgnoreCase))
                    qualities[i] = Math.Max(qualities[i], quality);
            }
        }
        var bestQuality = 0d;
        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i].Format == ResponseFormat.Json)
                bestQuality = qualities[i];
        }
        var best = ResponseFormat.Json;
        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i].Format != ResponseFormat.Json && qualities[i] > 0 && qualities[i] > bestQuality)
            {
                best = allowed[i].Format;
                bestQuality = qualities[i];
            }
        }
        return best;
    }

    private static bool PrefersHtml(HttpRequest request, IReadOnlyList<ResponseFormats.KnownFormat> allowed)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        double html = 0, other = 0;
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1;
            if (media.MediaType.Equals(HtmlMediaType, StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, quality);
            else if (allowed.Any(entry => media.MediaType.Equals(entry.MediaType, StringComparison.OrdinalIgnoreCase)))
                other = Math.Max(other, quality);
        }
        return html > 0 && html > other;
    }
}
