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
            return RestProblems.InvalidParameter(refusedParameter);
        try
        {
            return await next(context);
        }
        catch (InvalidParameterException e)
        {
            return RestProblems.InvalidParameter(e);
        }
        catch (DataVersionNotFoundException e)
        {
            return RestProblems.DataVersionNotFound(e.Parameter, e.AsOf.ToString(), e.Message);
        }
        catch (NoDataException)
        {
            return RestProblems.NoData();
        }
    }
}
