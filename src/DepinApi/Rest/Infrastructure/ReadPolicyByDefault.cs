using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The API's read policy for an answer whose endpoint names no CORS policy: a URL no route matches (its 404
/// <c>not-found</c>), routing's own 405 for a method a URL does not answer, and the GraphQL IDE's page. Their bodies
/// are problems and a public page, as readable from any origin as every other answer, and without the headers a
/// browser hides them from the page that asked, which then cannot tell a typo from an outage. The files served beside
/// the API (the docs, the IDE's and the pages' assets) name the read policy themselves: routing hands a preflight to
/// an endpoint only when the endpoint names a policy, and without one a preflight for their GET would be refused.
/// A preflight gets no policy here: one for a URL or a method nothing answers, or for a name a route of names does not
/// publish (<see cref="PublishedNames"/>), is refused with the 404 or 405 it is (<see cref="UngrantedPreflight"/>),
/// never a 204 granting a method.
/// </summary>
public sealed class ReadPolicyByDefault(ICorsPolicyProvider policies, string readPolicy) : ICorsPolicyProvider
{
    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (!CorsPreflight.Is(context.Request))
            return await policies.GetPolicyAsync(context, policyName ?? readPolicy);
        // A route of names matches a preflight for any name; only one it publishes is granted.
        if (context.GetEndpoint()?.Metadata.GetMetadata<PublishedNames>() is { } names && !await names.NamesOneAsync(context))
            return null;
        return await policies.GetPolicyAsync(context, policyName);
    }
}
