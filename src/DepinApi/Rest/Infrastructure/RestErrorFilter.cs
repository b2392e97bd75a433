using DepinApi.ReadModel;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Turns the exceptions that describe a client's mistake (or an empty database) into problem
/// responses for every endpoint of the group, so no such case can surface as a 500.
/// </summary>
public sealed class RestErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (UnstorableText.Find(context.HttpContext.Request) is { } refused)
            return RestProblems.InvalidParameter(refused);
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
            return RestProblems.DataVersionNotFound(e.AsOf.ToString(), e.Message);
        }
        catch (NoDataException)
        {
            return RestProblems.NoData();
        }
    }
}
