using System.Net;
using System.Text;
using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// A browser app on another origin calling /graphql: the preflight of a JSON POST, the POST and GET themselves, and
/// what CORS does not grant (credentials, other methods).
/// </summary>
public class CrossOriginTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    private const string Origin = "https://dashboard.example";
    private const string Query = "{ projects(first: 1) { nodes { slug } } }";

    private HttpClient Http => api.Client.Http;

    [Fact]
    public async Task A_preflight_for_a_json_post_is_answered_with_the_methods_headers_and_max_age()
    {
        using var preflight = Preflight("POST", "content-type");
        using var response = await Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        var methods = Single(response, "Access-Control-Allow-Methods");
        Assert.Contains("POST", methods, StringComparison.Ordinal);
        Assert.Contains("GET", methods, StringComparison.Ordinal);
        Assert.Equal("content-type", Single(response, "Access-Control-Allow-Headers"), ignoreCase: true);
        Assert.Equal("7200", Single(response, "Access-Control-Max-Age"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_post_from_another_origin_is_executed_and_readable_there()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Origin);
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("RateLimit", Single(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.Equal("aethir", FirstSlug(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_get_from_another_origin_is_executed_and_readable_there()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Query));
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Accept", "application/graphql-response+json");
        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal("aethir", FirstSlug(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_preflight_for_another_method_grants_nothing()
    {
        using var preflight = Preflight("DELETE", null);
        using var response = await Http.SendAsync(preflight);

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var methods = response.Headers.TryGetValues("Access-Control-Allow-Methods", out var values) ? string.Join(",", values) : "";
        Assert.DoesNotContain("DELETE", methods, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphql", "GET, HEAD, POST")]
    [InlineData("/v1/projects", "GET, HEAD")]
    [InlineData("/healthz", "GET, HEAD")]
    public async Task A_plain_options_request_is_answered_as_another_method_naming_the_same_methods(string url, string allow)
    {
        // A URL answers OPTIONS only as a CORS preflight; a plain one is a 405 like DELETE, whose Allow it repeats. /graphql
        // answered it 204 with an Allow naming OPTIONS, which its 405 did not.
        using var options = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Options, url));
        using var delete = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url));

        foreach (var response in new[] { options, delete })
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        }
    }

    [Fact]
    public async Task A_preflight_grants_every_method_the_endpoint_answers()
    {
        using var preflight = Preflight("HEAD", "x-api-key");
        using var response = await Http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET,HEAD,POST", Single(response, "Access-Control-Allow-Methods"));
    }

    private static HttpRequestMessage Preflight(string method, string? headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null) request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.GetValues(header));

    private static string? FirstSlug(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("projects").GetProperty("nodes")[0].GetProperty("slug").GetString();
}
