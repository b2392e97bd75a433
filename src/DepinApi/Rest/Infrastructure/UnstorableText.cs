namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Finds a query parameter that is not text a value can hold: one holding U+0000, which Postgres text cannot hold, so
/// such a value would fail every query it reached (a 500), and one whose percent-encoded bytes are not UTF-8, which
/// ASP.NET Core would read as the literal text "%FF" (in a query parameter or a path segment). No slug, id or name
/// contains either, so it is the client's mistake, a 400. (Kestrel itself refuses a path with an encoded NUL, and raw bytes that are not UTF-8.)
/// </summary>
public static class UnstorableText
{
    private const string Expected = "text without the NUL character (U+0000)";

    public static InvalidParameterException? Find(HttpRequest request)
    {
        if (GraphQLEngine.Http.PercentEncodedText.FirstNotUtf8(request.QueryString.Value) is { } notText)
            return new InvalidParameterException(notText, "percent-encoded UTF-8 text", request.Query[notText].ToString(),
                $"The parameter '{notText}' is not Unicode text: its percent-encoded bytes are not UTF-8.");
        if (NotUtf8PathSegment(request) is { } segment)
            return new InvalidParameterException(segment.Parameter, "percent-encoded UTF-8 text", segment.Value,
                $"The path segment '{segment.Value}' is not Unicode text: its percent-encoded bytes are not UTF-8.");
        foreach (var (name, values) in request.Query)
            foreach (var text in values)
                if (text is not null && text.Contains('\0'))
                    return new InvalidParameterException(name, Expected, text,
                        $"The parameter '{name}' contains the NUL character (U+0000), which no value of this API holds.");
        return null;
    }

    // Read from the raw request target, as Kestrel received it: decoded, a "%FF" that is no UTF-8 and a literal "%25FF"
    // are the same text. Named by the route parameter that holds it ("slug"), or "path" for a segment none takes.
    private static (string Parameter, string Value)? NotUtf8PathSegment(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (GraphQLEngine.Http.PercentEncodedText.FirstPathSegmentNotUtf8(rawTarget) is not { } segment)
            return null;
        var parameter = request.RouteValues.FirstOrDefault(route => route.Value as string == segment).Key ?? "path";
        return (parameter, segment);
    }
}
