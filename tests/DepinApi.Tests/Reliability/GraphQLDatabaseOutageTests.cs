using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// Postgres stopped under a running service, as <see cref="DatabaseOutageTests"/> does for REST: GraphQL answers
/// 503 with one error, code <c>DATABASE_UNAVAILABLE</c>, and a <c>Retry-After</c>, on both execution paths, over GET
/// and POST, instead of 200 with "Unexpected error." per field.
/// </summary>
public sealed class GraphQLDatabaseOutageTests(PrivateClusterApi api) : IClassFixture<PrivateClusterApi>
{
    private static CancellationToken Patience => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    [Fact]
    public async Task Requests_during_an_outage_get_503_DATABASE_UNAVAILABLE_on_both_paths_over_GET_and_POST()
    {
        using var client = api.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Post, GraphQLOutage.Compiled(1))).StatusCode);

        var cluster = await api.ClusterAsync();
        await cluster.StopAsync();
        try
        {
            var i = 2;
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                // Page sizes never asked before: no answer can come from the output cache.
                foreach (var query in new[] { GraphQLOutage.Compiled(i), GraphQLOutage.Resolvers(i), GraphQLOutage.Resolvers(i, secondField: true) })
                {
                    using var response = await Send(client, method, query);
                    await GraphQLOutage.AssertDatabaseUnavailableAsync(response, $"{method} {query}");
                }
                i++;
            }
        }
        finally
        {
            await cluster.RestartAsync();
        }

        var patience = Patience;
        while ((await Send(client, HttpMethod.Post, GraphQLOutage.Compiled(20))).StatusCode != HttpStatusCode.OK)
            await Task.Delay(100, patience);
        using var after = await Send(client, HttpMethod.Post, GraphQLOutage.Resolvers(21));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string query)
    {
        var request = method == HttpMethod.Get
            ? new HttpRequestMessage(method, "/graphql?query=" + Uri.EscapeDataString(query))
            : new HttpRequestMessage(method, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
        return client.SendAsync(request, Patience);
    }
}

/// <summary>Queries for each execution path, and what a database outage must look like in GraphQL.</summary>
internal static class GraphQLOutage
{
    /// <summary>Compiled into one statement (newest data, a first page).</summary>
    public static string Compiled(int first) => $"{{ projects(first: {first}) {{ nodes {{ slug name }} }} }}";

    /// <summary>Through the resolvers (<c>meta</c> is never compiled); with a second field, one read before projects.</summary>
    public static string Resolvers(int first, bool secondField = false) =>
        (secondField ? "{ sources { id } " : "{ ") + $"projects(first: {first}) {{ nodes {{ slug name }} }} meta {{ dataVersion }} }}";

    public static async Task AssertDatabaseUnavailableAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {body}");
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.False(body.TryGetProperty("data", out _), what);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("DATABASE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
