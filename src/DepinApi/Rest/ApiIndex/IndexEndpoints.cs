using DepinApi.GraphQL;
using DepinApi.OpenApi;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace DepinApi.Rest.ApiIndex;

/// <summary>One link of the index: where, what it is called, and what it answers.</summary>
public sealed record IndexLink(string Name, string Href, string? Summary, IReadOnlyList<string>? Parameters = null);

/// <summary>The API's entry point, as GitHub's root endpoint is: every collection, resource template and document.</summary>
public sealed record ApiIndexView(string Title, string Version, IReadOnlyList<IndexLink> Documents,
    IReadOnlyList<IndexLink> Collections, IReadOnlyList<IndexLink> Resources)
{
    /// <summary>The opening of the index as served, one link of each kind, for the OpenAPI document.</summary>
    public static ApiIndexView Example => new(ApiDocumentInfo.Title, ApiDocs.DocumentName,
        [new("index", "http://127.0.0.1:5080/v1", "This index.")],
        [new("ListChanges", "http://127.0.0.1:5080/v1/changes", "What each data version added, changed or removed.", ["version", "format", "asOf", "limit", "cursor"])],
        [new("GetNetworkMetric", "http://127.0.0.1:5080/v1/metrics/{id}", "One network metric by its permanent id (its permalink).", ["format", "asOf"])]);
}

/// <summary>
/// Query parameters the index adds to a collection's link, for a collection that cannot be listed without them
/// (<c>/v1/revenue</c> needs a metric): the index promises that every link it gives answers.
/// </summary>
public sealed record IndexLinkQuery(string Query);

/// <summary>
/// <c>/</c> and <c>/v1</c>: a JSON index of the API. The collections and resource templates are read from the
/// routing table (every documented GET under /v1), so a new endpoint appears in it without anyone editing it.
/// </summary>
public static class IndexEndpoints
{
    public static IEndpointRouteBuilder MapApiIndex(this IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { "/", "/v1" })
            app.MapGet(path, Index)
                .WithName(path == "/" ? "GetRoot" : "GetIndex")
                .WithTags("Index")
                .WithSummary("The index of the API: links to every collection, resource, document and GraphQL.")
                .WithDescription("Like GitHub's root endpoint: `collections` can be fetched as they are, `resources` are URI "
                                 + "templates (RFC 6570) of single items, `documents` the docs, the OpenAPI document, GraphQL and its IDE.")
                .Produces<ApiIndexView>()
                .RequireCors(RestApi.CorsPolicy);
        return app;
    }

    /// <summary>
    /// The index, with the caching headers of every resource (docs/rest.md, <i>Caching</i>). It holds no data, only what
    /// the build and the configuration publish, so its strong tag is a hash of its bytes rather than of a data version:
    /// an import leaves it alone. Built anew for each request, as the links follow the request's host when no public
    /// URL is configured; that costs no query, so a matching If-None-Match saves the bytes, as for every resource.
    /// </summary>
    private static IResult Index(HttpContext http)
    {
        var services = http.RequestServices;
        var endpoints = services.GetRequiredService<EndpointDataSource>();
        var urls = services.GetRequiredService<PublicUrls>();
        var graphQL = services.GetRequiredService<IOptions<GraphQLApiOptions>>();
        string Url(string path) => urls.Of(http.Request, path);
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/v1/", StringComparison.Ordinal)
                        && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true
                        && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal)
            .ToList();
        var catalog = services.GetRequiredService<QueryParameterCatalog>();
        IndexLink Link(RouteEndpoint e, string href) => new(
            e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName ?? href, href,
            e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary, catalog.Of(e));
        var collections = routes.Where(e => e.RoutePattern.Parameters.Count == 0)
            .Select(e => Link(e, Url(Template(e.RoutePattern)) + (e.Metadata.GetMetadata<IndexLinkQuery>() is { } q ? "?" + q.Query : "")))
            .ToList();
        var resources = routes.Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => Link(e, Url(Template(e.RoutePattern))))
            .ToList();
        var graphQLPath = graphQL.Value.Path;
        IReadOnlyList<IndexLink> documents =
        [
            new("index", Url("/v1"), "This index."),
            new("docs", Url(ApiDocs.UiPath), "The REST API's reference in Swagger UI."),
            new("openApi", Url(ApiDocs.DocumentPath), "The OpenAPI document of the REST API."),
            new("graphql", Url(graphQLPath), "The GraphQL endpoint: POST, or GET with ?query=."),
            new("graphqlIde", Url(graphQLPath), "The GraphQL IDE (GraphiQL): the GraphQL endpoint opened in a browser."),
            new("health", Url("/healthz"), "Liveness."),
            new("readiness", Url("/readyz"), "Readiness: database reachable, schema current, the data version served."),
        ];
        var json = JsonSerializer.SerializeToUtf8Bytes(new ApiIndexView(ApiDocumentInfo.Title, ApiDocs.DocumentName, documents, collections, resources),
            services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var headers = http.Response.Headers;
        headers.CacheControl = services.GetRequiredService<IOptions<RestOptions>>().Value.DataCacheControl;
        // As every resource says: a cache may then keep the index as it keeps the rest, though it has one media type today.
        headers.Vary = HeaderNames.Accept;
        return Preconditions.TaggedBytes(http.Request, json, "application/json; charset=utf-8", EntityTags.OfContent(http.Request, json));
    }

    // The route as a URI template: /v1/projects/{slug}, without route constraints.
    private static string Template(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
}
