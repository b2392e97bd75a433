using Microsoft.AspNetCore.Mvc;

namespace DepinApi.Errors;

/// <summary>
/// The 500 an unforeseen failure is answered with: the framework's problem names an RFC section and says nothing a
/// client can act on; this one has the API's own type and says the request can be retried. It never quotes the
/// failure (the log has it, under the response's <c>traceId</c>).
/// </summary>
public static class UnexpectedError
{
    public const string ProblemType = "internal-error";
    public const string Title = "An unexpected error occurred.";
    public const string Detail = "The request could not be completed. It can be retried.";

    /// <summary>Gives the framework's problem for a 500 the API's type, title and detail; leaves every other problem.</summary>
    public static void Describe(ProblemDetails problem)
    {
        if (problem.Status != StatusCodes.Status500InternalServerError || problem.Type?.StartsWith("/problems/", StringComparison.Ordinal) == true)
            return;
        problem.Type = "/problems/" + ProblemType;
        problem.Title = Title;
        problem.Detail = Detail;
    }
}
