using System.Globalization;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;

namespace DepinApi.Pages;

/// <summary>The URLs a page links to, written by <see cref="PublicUrls"/> like every URL of the API.</summary>
public sealed class PageUrls(HttpRequest request)
{
    private readonly PublicUrls urls = request.HttpContext.RequestServices.GetRequiredService<PublicUrls>();

    /// <summary>The requested resource itself, with its query as sent: the page's canonical URL.</summary>
    public string Self() => urls.Of(request, request.Path.Value ?? "/", request.QueryString);

    /// <summary>The requested resource in another representation: its query with <c>format</c> set.</summary>
    public string Alternate(string format) => urls.Of(request, request.Path.Value ?? "/", WithFormat(request.Query, format));

    /// <summary>
    /// The requested series as a chart: its query without <c>limit</c> and <c>cursor</c> (a chart draws the whole filtered
    /// series, and refuses them), with <c>format</c> set and <c>asOf</c> the <paramref name="version"/> the page shows.
    /// </summary>
    public string Chart(string format, int version)
    {
        var builder = new QueryBuilder();
        foreach (var (name, values) in request.Query)
            if (!name.Equals("format", StringComparison.OrdinalIgnoreCase) && !name.Equals("limit", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("cursor", StringComparison.OrdinalIgnoreCase) && !name.Equals("asOf", StringComparison.OrdinalIgnoreCase))
                foreach (var value in values)
                    builder.Add(name, value ?? "");
        // Pinned to the version the page shows, as every page's chart is, so an embedded chart keeps its figures.
        builder.Add("asOf", Version(version));
        builder.Add("format", format);
        return urls.Of(request, request.Path.Value ?? "/", builder.ToQueryString());
    }

    /// <summary>An API path (starting with "/v1") with its query parameters, as this API publishes it.</summary>
    public string Api(string path, params (string Name, string? Value)[] query)
    {
        var builder = new QueryBuilder();
        foreach (var (name, value) in query)
            if (!string.IsNullOrEmpty(value))
                builder.Add(name, value);
        return urls.Of(request, path, builder.ToQueryString());
    }

    public string Asset(string name) => request.HttpContext.RequestServices.GetRequiredService<PageAssets>().PathOf(request.PathBase, name);

    public static string Version(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A URL that already has a query (a permalink's <c>?asOf=</c>) with <c>format</c> added.</summary>
    public static string AddFormat(string url, string format) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=" + format;

    private static QueryString WithFormat(IQueryCollection query, string format)
    {
        var builder = new QueryBuilder();
        foreach (var (name, values) in query)
            if (!name.Equals("format", StringComparison.OrdinalIgnoreCase))
                foreach (var value in values)
                    builder.Add(name, value ?? "");
        builder.Add("format", format);
        return builder.ToQueryString();
    }
}
