using System.Text.Json;

namespace GraphQLEngine.Http;

/// <summary>The parameters of one GraphQL-over-HTTP request, read from a GET query string or a POST JSON body.</summary>
/// <param name="Query">The document text.</param>
/// <param name="OperationName">Which operation to run; null when not given.</param>
/// <param name="Variables">A JSON object, or null when not given (or given as null).</param>
/// <param name="Extensions">A JSON object, or null when not given; the transport leaves it to interceptors.</param>
/// <param name="IsGet">Whether it came as a GET, where mutations are not allowed.</param>
public sealed record GraphQLHttpRequest(
    string Query,
    string? OperationName,
    JsonElement? Variables,
    JsonElement? Extensions,
    bool IsGet);
