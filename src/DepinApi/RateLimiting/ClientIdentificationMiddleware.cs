using Microsoft.AspNetCore.RateLimiting;

namespace DepinApi.RateLimiting;

/// <summary>
/// Runs just before the rate limiter: decides whom the request is charged to (nobody on exempt paths, which have an
/// allowance of their own) and arranges for the <c>RateLimit-*</c> headers to be written when the response starts.
/// </summary>
internal sealed class ClientIdentificationMiddleware(RequestDelegate next, ClientIdentifier identifier,
    IRateLimitLedger ledger, ProbeAllowance probes, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (identifier.IsExempt(context.Request.Path))
            return AdmitProbeAsync(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
            return next(context);
        context.Features.Set(new RequestCharge(identifier.Identify(context)));
        context.Response.OnStarting(static state =>
        {
            var (http, ledger, time) = ((HttpContext, IRateLimitLedger, TimeProvider))state;
            return RateLimitHeaders.WriteAsync(http, ledger, time);
        }, (context, ledger, time));
        return next(context);
    }

    private async Task AdmitProbeAsync(HttpContext context)
    {
        if (await probes.TryAdmitAsync(context))
            await next(context);
    }
}
