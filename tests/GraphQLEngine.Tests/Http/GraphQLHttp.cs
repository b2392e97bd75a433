using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GraphQLEngine.Tests.Http;

/// <summary>Requests to <c>/graphql</c> and what came back.</summary>
internal static class GraphQLHttp
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    public static Task<Reply> PostAsync(HttpClient client, object body, string? accept = null) =>
        PostRawAsync(client, JsonSerializer.Serialize(body), accept);

    public static async Task<Reply> PostRawAsync(HttpClient client, string? body, string? accept = null,
        string? contentType = Json, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        // A null body still gets the content type, as a client posting nothing would send it.
        request.Content = new ByteArrayContent(body is null ? [] : Encoding.UTF8.GetBytes(body));
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        configure?.Invoke(request);
        return await SendAsync(client, request);
    }

    public static async Task<Reply> GetAsync(HttpClient client, string queryString, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await SendAsync(client, request);
    }

    public static async Task<Reply> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType, response.Headers, response.Content.Headers, text);
    }

    public static string Query(string query, string? variables = null, string? operationName = null)
    {
        var parts = new List<string> { "query=" + Uri.EscapeDataString(query) };
        if (variables is not null) parts.Add("variables=" + Uri.EscapeDataString(variables));
        if (operationName is not null) parts.Add("operationName=" + Uri.EscapeDataString(operationName));
        return string.Join("&", parts);
    }
}

internal sealed record Reply(
    int Status,
    MediaTypeHeaderValue? ContentType,
    HttpResponseHeaders Headers,
    HttpContentHeaders ContentHeaders,
    string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? MediaType => ContentType?.MediaType;

    public bool HasData => Json.TryGetProperty("data", out _);

    public JsonElement Data => Json.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Json.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : [];

    public string FirstMessage => Errors[0].GetProperty("message").GetString()!;

    public string? FirstCode =>
        Errors[0].TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var c) ? c.GetString() : null;
}
