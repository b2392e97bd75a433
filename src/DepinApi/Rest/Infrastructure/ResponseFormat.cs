using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The representations of a resource: JSON and CSV for every one, and an HTML page for those a person opens in a
/// browser (figure permalinks, projects, series and the cross-project tables; see docs/pages.md).
/// </summary>
public enum ResponseFormat { Json, Csv, Html }

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

/// <summary>Chooses JSON or CSV from <c>?format=</c> first, then from the Accept header.</summary>
public static class ContentNegotiation
{
    public const string CsvMediaType = "text/csv";
    private const string Expected = "json or csv";

    public const string HtmlMediaType = "text/html";

    /// <summary>
    /// As <see cref="Resolve(HttpRequest, string?)"/>, for a resource that also has a page: without <c>?format=</c>, an
    /// Accept header that names text/html with a higher quality than application/json and text/csv selects HTML.
    /// Browsers send that (<c>text/html,…,*/*;q=0.8</c>); <c>*/*</c> alone, as curl sends, stays JSON.
    /// </summary>
    public static ResponseFormat ResolveWithPage(HttpRequest request, string? format)
    {
        var resolved = Resolve(request, format);
        return string.IsNullOrEmpty(format) && PrefersHtml(request) ? ResponseFormat.Html : resolved;
    }

    public static ResponseFormat Resolve(HttpRequest request, string? format)
    {
        if (!string.IsNullOrEmpty(format))
            return format.ToLowerInvariant() switch
            {
                "json" => ResponseFormat.Json,
                "csv" => ResponseFormat.Csv,
                _ => throw new InvalidParameterException("format", Expected, format),
            };
        return PrefersCsv(request) ? ResponseFormat.Csv : ResponseFormat.Json;
    }

    /// <summary>
    /// True when the client names text/csv with a higher quality than application/json. Wildcards
    /// do not count against it: a named type is more specific than */* at any equal quality.
    /// </summary>
    private static bool PrefersCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        double csv = 0, json = 0;
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1;
            if (media.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
                csv = Math.Max(csv, quality);
            else if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
                json = Math.Max(json, quality);
        }
        return csv > 0 && csv > json;
    }

    private static bool PrefersHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        double html = 0, other = 0;
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1;
            if (media.MediaType.Equals(HtmlMediaType, StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, quality);
            else if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || media.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
                other = Math.Max(other, quality);
        }
        return html > 0 && html > other;
    }
}
