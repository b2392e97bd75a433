using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// A handler's answer when the slug of its URL is not a project's own (<see cref="ProjectLookup.Elsewhere"/>): the
/// 308 to the same URL under the current slug, or the 404 naming the nearest slugs. One result type, so each handler
/// answers it with one line and names it once in its <c>Results&lt;…&gt;</c>.
/// </summary>
public sealed class ProjectElsewhere : IResult, IStatusCodeHttpResult
{
    private readonly IResult _answer;

    private ProjectElsewhere(IResult answer, int? statusCode)
    {
        _answer = answer;
        StatusCode = statusCode;
    }

    public int? StatusCode { get; }

    public static ProjectElsewhere Moved(RedirectHttpResult redirect) =>
        new(redirect, redirect.Permanent ? StatusCodes.Status308PermanentRedirect : StatusCodes.Status307TemporaryRedirect);

    public static ProjectElsewhere Unknown(ProblemHttpResult problem) => new(problem, problem.StatusCode);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        // A name's or former slug's redirect holds for the data it was read from, as a 200 does, and for as long: a 308
        // is cacheable by default (RFC 9111 4.2.2), and without a word on it a cache would keep it past the import that
        // gives the name to another project.
        if (_answer is RedirectHttpResult)
            httpContext.Response.Headers.CacheControl =
                httpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RestOptions>>().Value.DataCacheControl;
        return _answer.ExecuteAsync(httpContext);
    }
}
