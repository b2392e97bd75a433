using System.Text;
using DepinApi.Errors;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DepinApi.Ide;

/// <summary>
/// The in-browser GraphQL IDE (GraphiQL): the page at the GraphQL endpoint's own path for browser navigations, and
/// its assets under <c>&lt;path&gt;/ide/</c>. Everything is served from the assembly; nothing comes from a CDN.
/// </summary>
public static class GraphQLIdeEndpoints
{
    /// <summary>Registers the bundle and the routing policy that shares the GraphQL path with the page.</summary>
    public static WebApplicationBuilder AddGraphQLIde(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(_ => GraphQLIdeBundle.Load(typeof(GraphQLIdeEndpoints).Assembly));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, GraphQLIdeMatcherPolicy>());
        return builder;
    }

    /// <summary>
    /// Serves the IDE at <paramref name="graphQLPath"/> (GET from a browser; see <see cref="BrowserNavigation"/>) and its
    /// assets at <c><paramref name="graphQLPath"/>/ide/{file}</c>. Map the GraphQL endpoint at the same path.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="graphQLPath">The GraphQL endpoint's path; by default its own setting <c>GraphQL:Path</c>, else <c>/graphql</c>.</param>
    public static IEndpointRouteBuilder MapGraphQLIde(this IEndpointRouteBuilder endpoints, string? graphQLPath = null)
    {
        var path = graphQLPath
                   ?? (endpoints.ServiceProvider.GetRequiredService<IConfiguration>()["GraphQL:Path"] is { Length: > 0 } configured
                       ? configured
                       : "/graphql");

        // Fail at startup, not on the first visit, when the build left the bundle out; read it on the first visit,
        // so that a start-up does not spend its time on megabytes most processes never serve.
        GraphQLIdeBundle.EnsureEmbedded(typeof(GraphQLIdeEndpoints).Assembly);

        endpoints.MapGet(path, (HttpContext http, GraphQLIdeBundle bundle) => Page(http, bundle, path))
            .WithMetadata(GraphQLIdePageMetadata.Instance)
            // Ordered before the GraphQL endpoint at the same path; GraphQLIdeMatcherPolicy drops it for non-browsers.
            .WithOrder(-1)
            // The output cache keys on the path, which the page shares with GraphQL responses: never store it.
            .CacheOutput(policy => policy.NoCache())
            .WithDisplayName("GraphQL IDE page")
            .ExcludeFromDescription();

        endpoints.MapGet(path.TrimEnd('/') + "/ide/{file}", Asset)
            .RequireCors(RestApi.CorsPolicy)
            .WithMetadata(new PublishedNames(http => Task.FromResult(
                http.RequestServices.GetRequiredService<GraphQLIdeBundle>().TryGetAsset(http.GetRouteValue("file") as string ?? "", out _))))
            .WithDisplayName("GraphQL IDE assets")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Page(HttpContext http, GraphQLIdeBundle bundle, string graphQLPath)
    {
        var assetsPrefix = http.Request.PathBase.Add(graphQLPath.TrimEnd('/') + "/ide").ToUriComponent();
        var html = Encoding.UTF8.GetBytes(bundle.PageTemplate.Replace(
            GraphQLIdeBundle.AssetsPlaceholder, System.Net.WebUtility.HtmlEncode(assetsPrefix), StringComparison.Ordinal));

        // The same URL answers GraphQL clients with JSON, so caches must key on Accept; the page is tiny and names
        // the current assets, so it is revalidated on every visit.
        var headers = http.Response.Headers;
        headers.Vary = HeaderNames.Accept;
        headers.CacheControl = "no-cache";
        // Compressed when asked: a tag of the coding too, as a compressed page is another representation.
        return Preconditions.TaggedBytes(http.Request, html, "text/html; charset=utf-8", EntityTags.OfContent(http.Request, html));
    }

    private static async Task<IResult> Asset(HttpContext http,
        GraphQLIdeBundle bundle, IOptions<RestOptions> rest, string file)
    {
        if (!bundle.TryGetAsset(file, out var asset))
        {
            // Most likely a page from an older build asking for the assets it was built with.
            return Problems.Create(StatusCodes.Status404NotFound, "ide-asset-not-found", "No such GraphQL IDE asset.",
                $"The GraphQL IDE has no file named '{file}'; reload the page at the GraphQL endpoint to get the current one.");
        }

        return await asset.ServeAsync(http, rest.Value.BytesPerPoint, PrecompressedContent.ImmutableCaching);
    }
}
