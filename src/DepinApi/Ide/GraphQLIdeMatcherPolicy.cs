using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace DepinApi.Ide;

/// <summary>
/// Lets the IDE page and the GraphQL endpoint share one path. The page's endpoint is ordered first, so it wins
/// whenever it stays a candidate; this policy removes it for every request that is not a browser navigation
/// (<see cref="BrowserNavigation.WantsIde"/>), which then falls to the GraphQL endpoint untouched. Choosing in
/// routing rather than in a middleware keeps each endpoint's own metadata (caching, rate limits) with its requests.
/// </summary>
internal sealed class GraphQLIdeMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // It only changes candidates' validity, so its place among the other policies does not matter.
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(endpoint => endpoint.Metadata.GetMetadata<GraphQLIdePageMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        if (BrowserNavigation.WantsIde(httpContext.Request)) return Task.CompletedTask;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Endpoint.Metadata.GetMetadata<GraphQLIdePageMetadata>() is not null)
                candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }
}
