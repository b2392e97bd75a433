using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>Sends GraphQL requests over HTTP the way a client would and reads the JSON back.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>POSTs the document and returns the response body (asserting nothing about status).</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json") =>
        await ReadAsync(await SendPostAsync(query, variables, accept));

    public async Task<HttpResponseMessage> SendPostAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await Http.SendAsync(request);
    }

    /// <summary>Sends the document as a GET query string.</summary>
    public async Task<HttpResponseMessage> SendGetAsync(string query, object? variables = null, Action<HttpRequestMessage>? configure = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query)
                  + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json"));
        configure?.Invoke(request);
        return await Http.SendAsync(request);
    }

    /// <summary>POSTs the document and returns <c>data</c>, failing when the response has errors.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        if (body.TryGetProperty("errors", out var errors))
            Assert.Fail("Unexpected GraphQL errors: " + errors.GetRawText());
        return body.GetProperty("data");
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            try
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                Assert.Fail($"Status {(int)response.StatusCode}, not JSON: {text}");
                throw;
            }
        }
    }

    /// <summary>The messages of the response's errors.</summary>
    public static IReadOnlyList<string> Messages(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList() : [];
}
