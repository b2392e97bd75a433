namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Marks an endpoint whose answers are always a few bytes written without a length known beforehand (the probes'):
/// they are never compressed, whatever the client accepts, and so do not vary by <c>Accept-Encoding</c>.
/// </summary>
public sealed class ShortAnswers
{
    public static readonly ShortAnswers Metadata = new();

    /// <summary>Whether the endpoint answering <paramref name="http"/> is so marked.</summary>
    public static bool Marked(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<ShortAnswers>() is not null;

    private ShortAnswers()
    {
    }
}
