using DepinApi.Errors;
using DepinApi.ReadModel;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Turns the exceptions that describe a client's mistake (or an empty database) into problem
/// responses for every endpoint of the group, so no such case can surface as a 500. A query parameter
/// the endpoint does not declare, or one given twice, is refused here too, rather than silently ignored or joined.
/// </summary>
public sealed class RestErrorFilter(QueryParameterCatalog parameters) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (UnstorableText.Find(request) is { } refused)
            return RestProblems.InvalidParameter(refused);
        if (context.HttpContext.GetEndpoint() is { } endpoint && parameters.FindRefused(request, endpoint) is { } refusedParameter)
            return await ElsewhereAsync(context.HttpContext) ?? RestProblems.InvalidParameter(refusedParameter);
        try
        {
            return await next(context);
        }
        catch (InvalidParameterException e)
        {
            return await ElsewhereAsync(context.HttpContext) ?? RestProblems.InvalidParameter(e);
        }
        catch (NotAcceptableException e)
        {
            return RestProblems.NotAcceptable(context.HttpContext.Request, e);
        }
        catch (DataVersionNotFoundException e)
        {
            return RestProblems.DataVersionNotFound(e.Parameter, e.AsOf.ToString(), e.Message);
        }
        catch (NoDataException)
        {
            return NoDataProblem.Result();
        }
    }

    // Another name of a project answers 308 to its own URL whatever its query (docs/rest.md), so that a client following
    // the redirect meets the parameters' answer there: a cursor signed for the project's URL is refused under another
    // name, and would otherwise never reach it. Looked up only for a request already refused.
    private static async Task<IResult?> ElsewhereAsync(HttpContext http)
    {
        if (http.GetRouteValue("slug") is not string slug)
            return null;
        var rest = http.RequestServices.GetRequiredService<RestHandlerServices>();
        var session = await rest.OpenAsync(http, null, http.RequestAborted);
        var lookup = await ProjectResolution.ResolveAsync(http, session, slug, http.RequestAborted);
        return !lookup.Found && lookup.Elsewhere.StatusCode is StatusCodes.Status308PermanentRedirect ? lookup.Elsewhere : null;
    }
}
