using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>GraphQL-over-HTTP requests built byte for byte, so a case can send what no well-behaved client would.</summary>
public static class GraphQLRequests
{
    public const string Path = "/graphql";
    public const string ResponseMediaType = "application/graphql-response+json";

    /// <summary>A POST of <c>{"query": …, "variables": …}</c>, serialised properly.</summary>
    public static HttpRequestMessage Post(string query, object? variables = null, string accept = ResponseMediaType) =>
        Body(JsonSerializer.Serialize(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables }), accept: accept);

    /// <summary>A POST whose body is the given JSON text, with variables given as raw JSON.</summary>
    public static HttpRequestMessage PostRaw(string query, string variablesJson, string accept = ResponseMediaType) =>
        Body($"{{\"query\":{JsonSerializer.Serialize(query)},\"variables\":{variablesJson}}}", accept: accept);

    /// <summary>A POST of exactly this body text (UTF-8) or these bytes.</summary>
    public static HttpRequestMessage Body(string body, string? contentType = "application/json", string accept = ResponseMediaType) =>
        Body(Encoding.UTF8.GetBytes(body), contentType, accept);

    public static HttpRequestMessage Body(byte[] body, string? contentType = "application/json", string accept = ResponseMediaType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>A GET with the document (and variables) in the query string, percent-encoded unless given encoded.</summary>
    public static HttpRequestMessage Get(string query, string? variablesJson = null, bool encoded = false)
    {
        var url = Path + "?query=" + (encoded ? query : Uri.EscapeDataString(query))
                  + (variablesJson is null ? "" : "&variables=" + Uri.EscapeDataString(variablesJson));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(ResponseMediaType));
        return request;
    }

    public static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    public static string Numbered(int count, Func<int, string> item) => string.Concat(Enumerable.Range(0, count).Select(item));
}
