using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

public class MediaTypeNegotiationTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(null, Json)]
    [InlineData("", Json)]
    [InlineData("application/json", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json; charset=utf-8", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.9, application/json", Json)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponse)]
    [InlineData("text/html, */*;q=0.8", Json)]
    [InlineData("application/graphql-response+json;q=0, application/json", Json)]
    [InlineData("application/graphql-response+json;q=0, */*", Json)]
    [InlineData("application/json, */*", Json)]
    [InlineData("application/graphql-response+json, */*", GraphQLResponse)]
    [InlineData("application/graphql-response+json; charset=\"utf-8\"", GraphQLResponse)] // a quoted value is the value
    [InlineData("application/graphql-response+json;q=-1, application/json;q=0.5", Json)] // no qvalue: the range means nothing
    [InlineData("application/graphql-response+json;q=abc, application/json;q=0.5", Json)]
    [InlineData("application/graphql-response+json;q=0.5x, application/json;q=0.4", Json)]
    [InlineData("application/graphql-response+json;q=1.5, application/json;q=0.4", Json)]
    [InlineData("application/graphql-response+json;q=0.5000, application/json;q=0.4", Json)]
    [InlineData("application/graphql-response+json;q=0.555, application/json;q=0.554", GraphQLResponse)]
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        var reply = await PostAsync(_client, new { query = "{ __typename }" }, accept);

        Assert.Equal(200, reply.Status);
        Assert.Equal(expected, reply.MediaType);
        Assert.Equal("utf-8", reply.ContentType!.CharSet);
        Assert.Equal("Query", reply.Data.GetProperty("__typename").GetString());
    }

    // RFC 9110 12.5.1: the most specific range that matches a type gives its quality, whatever the order, so a
    // wildcard does not bring back a type refused with q=0, and it gives the other type its own quality.
    [Theory]
    [InlineData("application/json;q=0, */*")]
    [InlineData("*/*, application/json;q=0")]
    [InlineData("application/json;q=0, application/*")]
    [InlineData("application/json;q=0.1, */*;q=0.5")]
    [InlineData("application/json;charset=utf-8;q=0, application/json;q=1, */*;q=0.5")]
    public async Task A_wildcard_gives_the_graphql_response_type_when_it_is_preferred_to_application_json(string accept)
    {
        var post = await PostAsync(_client, new { query = "{ __typename }" }, accept);
        var get = await GetAsync(_client, Query("{ __typename }"), accept);

        foreach (var reply in new[] { post, get })
        {
            Assert.Equal(200, reply.Status);
            Assert.Equal(GraphQLResponse, reply.MediaType);
            Assert.Equal("Query", reply.Data.GetProperty("__typename").GetString());
        }
    }

    [Fact]
    public async Task A_request_error_refusing_application_json_with_q_0_is_a_400_of_the_graphql_response_type()
    {
        var reply = await GetAsync(_client, Query("{ nope }"), "application/json;q=0, */*");

        Assert.Equal(400, reply.Status);
        Assert.Equal(GraphQLResponse, reply.MediaType);
        Assert.False(reply.HasData);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json;q=0")]
    [InlineData("application/graphql-response+json;q=0")]
    [InlineData("application/*;q=0, */*")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0, */*")]
    public async Task An_unacceptable_accept_header_gets_406_listing_what_is_served(string accept)
    {
        var reply = await PostAsync(_client, new { query = "{ __typename }" }, accept);

        Assert.Equal(406, reply.Status);
        Assert.Contains(GraphQLResponse, string.Join(",", reply.Headers.GetValues("Accept")));
    }

    [Fact]
    public async Task Responses_vary_by_accept()
    {
        var reply = await GetAsync(_client, Query("{ __typename }"));

        Assert.Contains("Accept", reply.Headers.Vary);
    }
}
