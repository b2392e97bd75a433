using DepinApi.Errors;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The preconditions of an endpoint whose answers carry no entity tag (the probes), evaluated as RFC 9110 13.2.2 has
/// them: an <c>If-Match</c> that lists tags names none of the current representation's, so it fails (412); <c>*</c>,
/// in either header, holds whenever there is a representation, so <c>If-None-Match: *</c> is a 304. Only a 2xx answer
/// is made conditional (13.2.1): a probe's 503 is answered as itself.
/// </summary>
public static class UntaggedPreconditionsFilter
{
    public static RouteHandlerBuilder WithUntaggedPreconditions(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (!Preconditions.Stated(request))
                return await next(context);
            var (precondition, _) = Preconditions.Evaluate(request, []);
            var result = await next(context);
            if (!Preconditions.IsRepresentation(result))
                return result;
            return precondition switch
            {
                Preconditions.Outcome.FailedIfRepresented => PreconditionFailed.For(request),
                Preconditions.Outcome.NotModifiedIfRepresented => NotModified(context.HttpContext),
                _ => result,
            };
        });

    /// <summary>
    /// A 304 carries the Vary its 200 would (RFC 9110 15.4.5); response compression declares it only for a body it could
    /// encode, and a 304 has none. An endpoint whose answers are never compressed (<see cref="ShortAnswers"/>) has no
    /// such Vary to carry.
    /// </summary>
    private static IResult NotModified(HttpContext http)
    {
        if (!ShortAnswers.Marked(http))
            ContentCodingVary.Declare(http.Response);
        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }
}
