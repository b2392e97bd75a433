using DepinApi.Errors;
using Microsoft.Net.Http.Headers;

namespace DepinApi.RateLimiting;

/// <summary>
/// Refuses a request whose API key is not configured, with 401, after the rate limiter has charged it to its address:
/// guessing keys costs the guesser's budget, and a mistyped key fails loudly instead of quietly getting the
/// anonymous budget.
/// </summary>
internal sealed class InvalidApiKeyMiddleware(RequestDelegate next)
{
    public const string ProblemType = "invalid-api-key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestCharge.Of(context)?.Client.RefusedKeyHeader is not { } header)
        {
            await next(context);
            return;
        }
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"depin-api\", error=\"invalid_token\"";
        await Problems.Create(StatusCodes.Status401Unauthorized, ProblemType, "The API key is not valid.",
            $"The key in the {(header == ClientIdentifier.ApiKeyHeader ? header : "Authorization: Bearer")} header is not one this " +
            "server accepts. Send no key to use the anonymous rate limit, or ask for a key.",
            new Dictionary<string, object?> { ["parameter"] = header })
            .ExecuteAsync(context);
    }
}
