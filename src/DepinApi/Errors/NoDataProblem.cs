using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Errors;

/// <summary>
/// 503 <c>/problems/no-data</c>: the database answers and its schema is current, but nothing has been imported yet.
/// One answer for a data request (REST) and for the readiness probe, so a client and a load balancer read the same
/// problem.
/// </summary>
public static class NoDataProblem
{
    public const string ProblemType = "no-data";

    public const string Title = "No data has been imported yet.";

    public const string Detail = "The database holds no data version yet; run `DepinApi import seed-data`.";

    public static ProblemHttpResult Result() => Problems.ServiceUnavailable(ProblemType, Title, Detail);
}
