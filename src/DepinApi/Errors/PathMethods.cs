using Microsoft.AspNetCore.Routing.Template;

namespace DepinApi.Errors;

/// <summary>
/// The methods the API's routes answer at a path. Routing has it already for an ordinary request (its 405 names them
/// in <c>Allow</c>), but not for a CORS preflight: asked whether a method no route allows may be sent, it leaves the
/// request without an endpoint, and the answer would say nothing is published at a URL that is
/// (<see cref="Rest.Infrastructure.UngrantedPreflight"/>).
/// </summary>
public sealed class PathMethods(EndpointDataSource endpoints)
{
    private (TemplateMatcher Matcher, IReadOnlyList<string> Methods)[]? _routes;

    /// <summary>The methods some route answers at <paramref name="path"/>, HEAD beside GET; empty when none matches.</summary>
    public IReadOnlyList<string> At(PathString path)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (matcher, routeMethods) in Routes())
        {
            if (matcher.TryMatch(path, [])) methods.UnionWith(routeMethods);
        }
        return WithHead(methods);
    }

    /// <summary>
    /// The methods the server answers anywhere (<c>OPTIONS *</c>): every route's, HEAD beside GET, GraphQL's, whose
    /// endpoint takes any method and answers those it supports, and OPTIONS, which <c>*</c> and CORS preflights are
    /// answered (no URL answers a plain one).
    /// </summary>
    public IReadOnlyList<string> Anywhere() =>
        WithHead(Routes().SelectMany(r => r.Methods).Concat(GraphQLEngine.Http.GraphQLHttpMethods.Answered).Append(HttpMethods.Options));

    // Built on first use: the endpoints are complete only once the app runs, and few requests ever need it.
    private (TemplateMatcher Matcher, IReadOnlyList<string> Methods)[] Routes() =>
        _routes ??= [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), []), e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods))];

    /// <summary>HEAD is answered wherever GET is (<see cref="Hosting.HeadRequestMiddleware"/>), though routes map GET alone.</summary>
    public static IReadOnlyList<string> WithHead(IEnumerable<string> methods)
    {
        var all = new SortedSet<string>(methods, StringComparer.Ordinal);
        if (all.Contains(HttpMethods.Get)) all.Add(HttpMethods.Head);
        return [.. all];
    }
}
