using DepinApi.Security;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Where the API's own URLs point: permalinks, citations, <c>page.next</c> and <c>Link</c> headers.
/// The request's <c>Host</c> header is the client's word, so it is used only when something vouches
/// for it; otherwise a forged Host would end up in pasted citations and in shared caches.
/// <list type="bullet">
/// <item><c>Server:PublicBaseUrl</c> set: every URL starts with it, whatever Host the request names.</item>
/// <item><c>AllowedHosts</c> naming hosts (not <c>*</c>): the request's host, lower-cased (host filtering has refused
/// every other host with a 400).</item>
/// <item>The Development environment with <c>AllowedHosts</c> <c>*</c>: the request's host when it is a loopback one
/// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>), so the links of a server run on a developer's machine open
/// whichever of those the browser used; any other host is no one's word, and gets relative URLs as below.</item>
/// <item>Otherwise, or when the request names no host: URLs relative to the host the client used (<c>/v1/…</c>),
/// which a browser or HTTP client resolves against its request URL (RFC 3986 5.2, RFC 8288 3.2).</item>
/// </list>
/// </summary>
public sealed class PublicUrls
{
    private readonly string? baseUrl;
    private readonly bool trustRequestHost;
    private readonly bool trustLoopbackHost;

    public PublicUrls(IOptions<ServerOptions> server, IOptions<HostFilteringOptions> hosts, IHostEnvironment environment)
    {
        baseUrl = Normalize(server.Value.PublicBaseUrl);
        var allowed = hosts.Value.AllowedHosts;
        trustRequestHost = allowed.Count > 0 && !allowed.Contains("*");
        trustLoopbackHost = environment.IsDevelopment();
    }

    /// <summary>How URLs are built, for the start-up log and docs.</summary>
    public string Mode => baseUrl is not null ? $"PublicBaseUrl {baseUrl}"
        : trustRequestHost ? "request host"
        : trustLoopbackHost ? "request host when a loopback one, else relative"
        : "relative";

    /// <summary>True when neither PublicBaseUrl nor a host list decides the host (links are then relative, or absolute only for a loopback host).</summary>
    public bool IsRelative => baseUrl is null && !trustRequestHost;

    /// <summary>The URL of <paramref name="path"/> (starting with "/") with <paramref name="query"/>, as this API publishes it.</summary>
    public string Of(HttpRequest request, string path, QueryString query = default)
    {
        if (baseUrl is not null)
            return baseUrl + path + query.Value;
        var local = request.PathBase.Value + path + query.Value;
        // An empty Host (HTTP/1.0, or HTTP/1.1's empty field, which host filtering admits) names no host: an absolute
        // URL of it would be "http:///v1/…", which nothing can open, so the URL stays relative.
        if (!request.Host.HasValue || !(trustRequestHost || (trustLoopbackHost && IsLoopback(request.Host))))
            return local;
        // Host names are case-insensitive; the output cache keys them so, and the links must not differ by it.
        return $"{request.Scheme}://{request.Host.Value?.ToLowerInvariant()}{local}";
    }

    // RFC 6761 6.3: "localhost" and the names under it are the machine itself, as 127.0.0.0/8 and ::1 are.
    private static bool IsLoopback(HostString host)
    {
        var name = host.Host;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return System.Net.IPAddress.TryParse(name.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address);
    }

    /// <summary>The configured base without a trailing slash, or null; refuses anything but an absolute http(s) URL.</summary>
    public static string? Normalize(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return null;
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            throw new OptionsValidationException(ServerOptions.Section, typeof(ServerOptions),
                [$"Server:PublicBaseUrl must be an absolute http or https URL without query, fragment or user info, e.g. https://api.example.org; got '{configured}'."]);
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
