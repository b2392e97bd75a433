using Microsoft.AspNetCore.Http.Features;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// A REST URL's route values (a slug, an id) as the client meant them: their path segment percent-decoded once.
/// Kestrel decodes a path's escapes except <c>%2F</c>, which it keeps so that an escaped slash cannot split a segment,
/// so routing gave <c>/v1/projects/aethir%2Frevenue</c> the slug "aethir%2Frevenue", looked up and echoed still
/// encoded, while <c>/v1/projects/%61ethir</c> got "aethir". A "%" left in a value is either such a slash or a
/// literal "%" (sent as <c>%25</c>), which only the request target as sent tells apart, so such a value is decoded
/// again from it. Only the /v1 group's endpoints (<see cref="Metadata"/>), which look values up and echo them.
/// </summary>
public static class RouteValuesAsSent
{
    /// <summary>Marks an endpoint whose route values are decoded.</summary>
    public static readonly object Metadata = new();

    /// <summary>Placed after routing, which sets the values, and before the endpoint binds them.</summary>
    public static IApplicationBuilder UseRouteValuesAsSent(this IApplicationBuilder app) => app.Use(next => (HttpContext context) =>
    {
        if (context.GetEndpoint()?.Metadata.Contains(Metadata) == true)
            Decode(context);
        return next(context);
    });

    private static void Decode(HttpContext context)
    {
        var values = context.Request.RouteValues;
        foreach (var key in values.Keys.ToList())
        {
            if (values[key] is string value && value.Contains('%', StringComparison.Ordinal))
                values[key] = AsSent(context, value);
        }
    }

    private static string AsSent(HttpContext context, string value)
    {
        var path = (context.Request.Path.Value ?? "").Split('/');
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = target.IndexOf('?', StringComparison.Ordinal);
        // An origin-form target; an absolute-form one (http://host/path) is read the way an in-memory server's is.
        var sent = target.StartsWith('/') ? (query < 0 ? target : target[..query]).Split('/') : [];
        // The target may hold more segments in front (a path base), and Kestrel removes dot segments, so a segment is
        // taken only where the target's decodes to the very value routing read.
        for (var i = path.Length - 1; i >= 0; i--)
        {
            var at = i + sent.Length - path.Length;
            if (path[i] == value && at >= 0 && AsKestrelDecodes(sent[at]) == value)
                return Uri.UnescapeDataString(sent[at]);
        }
        // No target to read (an in-memory test server): an escaped slash is the likelier meaning.
        return value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    private static string AsKestrelDecodes(string segment) =>
        Uri.UnescapeDataString(segment.Replace("%2F", "%252F", StringComparison.Ordinal).Replace("%2f", "%252f", StringComparison.Ordinal));
}
