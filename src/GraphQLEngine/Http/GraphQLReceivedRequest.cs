using GraphQLEngine.Error;
using Microsoft.AspNetCore.Http;

namespace GraphQLEngine.Http;

/// <summary>
/// A request whose bytes are in and none of them parsed: what <see cref="IGraphQLRequestInterceptor.OnReceivedAsync"/>
/// sees. Reading JSON and query strings is work that grows with what was sent, whatever it holds (members the
/// specification does not name, nesting, escapes), so a hook that prices a request by its size sees that size here,
/// before the work.
/// </summary>
public sealed class GraphQLReceivedRequest
{
    internal GraphQLReceivedRequest(HttpContext httpContext, bool isGet, long bytes, bool overLimit = false)
    {
        HttpContext = httpContext;
        IsGet = isGet;
        Bytes = bytes;
        OverLimit = overLimit;
    }

    public HttpContext HttpContext { get; }

    /// <summary>Whether it came as a GET (or HEAD), its parameters in the query string.</summary>
    public bool IsGet { get; }

    /// <summary>
    /// The bytes received as the request's parameters: a POST's body as read (a byte order mark included), a GET's query
    /// string as sent (percent-encoded, without its <c>?</c>); of a body <see cref="OverLimit"/>, what was read of it.
    /// </summary>
    public long Bytes { get; }

    /// <summary>
    /// Whether this is a POST body that had no <c>Content-Length</c> over <see cref="GraphQLHttpOptions.MaxRequestBytes"/>
    /// and passed it while it was read: reading stopped at the byte after the limit, <see cref="Bytes"/> counts what was
    /// read, and the request is answered 413 whatever the hooks do (<see cref="Reject"/> changes nothing but stops the
    /// hooks after it). A body refused at its <c>Content-Length</c> is not read, and no hook sees it.
    /// </summary>
    public bool OverLimit { get; }

    /// <summary>The refusal, if an interceptor refused the request.</summary>
    public GraphQLError? Rejection { get; private set; }

    /// <summary>The status code of the refusal.</summary>
    public int RejectionStatusCode { get; private set; }

    /// <summary>
    /// Refuses the request before any of it is parsed: the response carries <paramref name="error"/> alone, no
    /// <c>data</c>, with <paramref name="statusCode"/> whatever the media type, and no other hook sees the request.
    /// </summary>
    public void Reject(GraphQLError error, int statusCode = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        Rejection = error;
        RejectionStatusCode = statusCode;
    }
}
