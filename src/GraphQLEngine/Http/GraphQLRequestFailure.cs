using GraphQLEngine.Error;

namespace GraphQLEngine.Http;

/// <summary>
/// An answer for a whole request instead of a field error, for a failure that is nobody's fault in the document
/// (see <see cref="GraphQLHttpOptions.RequestFailure"/>): sent as the one error of a result without data, with
/// <paramref name="StatusCode"/> whatever the media type.
/// </summary>
/// <param name="Error">The error the client sees; give it an <c>extensions.code</c>.</param>
/// <param name="StatusCode">E.g. 503.</param>
/// <param name="RetryAfter">Sent as <c>Retry-After</c> (whole seconds) when set.</param>
public sealed record GraphQLRequestFailure(GraphQLError Error, int StatusCode, TimeSpan? RetryAfter = null);
