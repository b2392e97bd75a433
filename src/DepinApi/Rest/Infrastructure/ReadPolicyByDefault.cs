using Microsoft.AspNetCore.Cors.Infrastructure;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The API's read policy for an answer whose endpoint names no CORS policy: a URL no route matches (its 404
/// <c>not-found</c>), routing's own 405 for a method a URL does not answer, and the pages and files served beside the
/// API. Their bodies are problems and public pages, as readable from any origin as every other answer, and without
/// the headers a browser hides them from the page that asked, which then cannot tell a typo from an outage.
/// A preflight gets no policy here: one for a URL or a method nothing answers is refused with the 404 or 405 it is
/// (<see cref="UngrantedPreflight"/>), never a 204 granting a method.
/// </summary>
public sealed class ReadPolicyByDefault(ICorsPolicyProvider policies, string readPolicy) : ICorsPolicyProvider
{
    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName) =>
        policies.GetPolicyAsync(context, policyName ?? (CorsPreflight.Is(context.Request) ? null : readPolicy));
}
