using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>
/// With application/graphql-response+json a result without data (the request failed before execution) is 400 and a
/// result with data is 200; with application/json every well-formed request is 200.
/// </summary>
public class StatusCodeTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string?> RequestErrors => new()
    {
        { """{"query":"{"}""", "Syntax Error: Expected Name, found <EOF>." },
        { """{"query":"{ 8f31403dfe404bccbb0e835f2629c6a7 }"}""", null },
        { """{"query":"{ unknownField }"}""", "Cannot query field \"unknownField\" on type \"Query\"." },
        { """{"query":"query CoerceFailure($id: ID!) { book(id: $id) { title } }","variables":{"id":null}}""", null },
        { """{"query":"query A { hello } query B { hello }"}""", null },
        { """{"query":"{ books { title } }"}""", "Field \"Query.books\" must be given a \"first\" or \"last\" argument of at most 100." },
    };

    [Theory]
    [MemberData(nameof(RequestErrors))]
    public async Task A_request_error_is_400_without_data_for_graphql_response_json(string body, string? message)
    {
        var reply = await PostRawAsync(_client, body, GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.Equal(GraphQLResponse, reply.MediaType);
        Assert.False(reply.HasData);
        Assert.NotEmpty(reply.Errors);
        if (message is not null) Assert.Equal(message, reply.FirstMessage);
    }

    [Theory]
    [MemberData(nameof(RequestErrors))]
    public async Task A_request_error_is_200_without_data_for_json(string body, string? message)
    {
        var reply = await PostRawAsync(_client, body, Json);

        Assert.Equal(200, reply.Status);
        Assert.Equal(Json, reply.MediaType);
        Assert.False(reply.HasData);
        if (message is not null) Assert.Equal(message, reply.FirstMessage);
    }

    [Fact]
    public async Task A_syntax_error_carries_its_location()
    {
        var reply = await PostRawAsync(_client, """{"query":"{"}""", GraphQLResponse);

        var location = reply.Errors[0].GetProperty("locations")[0];
        Assert.Equal(1, location.GetProperty("line").GetInt32());
        Assert.Equal(2, location.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task A_field_error_with_data_is_200_for_graphql_response_json()
    {
        var reply = await PostAsync(_client, new { query = "{ hello publicFailure }" }, GraphQLResponse);

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, world!", reply.Data.GetProperty("hello").GetString());
        Assert.Equal("This field always fails.", reply.FirstMessage);
    }

    [Fact]
    public async Task A_mutation_over_post_runs_into_the_read_only_executor_with_data_null()
    {
        var reply = await PostAsync(_client, new { query = "mutation { touch }" }, GraphQLResponse);

        Assert.Equal(200, reply.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reply.Data.ValueKind);
    }
}
