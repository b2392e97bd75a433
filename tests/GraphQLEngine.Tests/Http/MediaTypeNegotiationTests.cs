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
    public async Task The_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        var reply = await PostAsync(_client, new { query = "{ __typename }" }, accept);

        Assert.Equal(200, reply.Status);
        Assert.Equal(expected, reply.MediaType);
        Assert.Equal("utf-8", reply.ContentType!.CharSet);
        Assert.Equal("Query", reply.Data.GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json;q=0")]
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
