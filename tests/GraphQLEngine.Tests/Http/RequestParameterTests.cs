using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

public class RequestParameterTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_runs_query_variables_and_operation_name()
    {
        var reply = await PostAsync(_client, new
        {
            query = "query A { hello } query B($name: String) { hello(name: $name) }",
            operationName = "B",
            variables = new { name = "Ada" },
            extensions = new { some = "value" },
        });

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, Ada!", reply.Data.GetProperty("hello").GetString());
        Assert.Empty(reply.Errors);
    }

    [Theory]
    [InlineData("query={hello}&query={hello}", "query")]
    [InlineData("query={hello}&operationName=A&operationName=B", "operationName")]
    [InlineData("query={hello}&variables={}&variables={}", "variables")]
    public async Task A_get_parameter_given_twice_is_refused_not_joined(string queryString, string parameter)
    {
        var reply = await GetAsync(_client, queryString, GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.Equal($"The \"{parameter}\" parameter is given 2 times; give it once.", reply.FirstMessage);
    }

    [Theory]
    [InlineData("""{"query":"{ hello }","query":"{ __typename }"}""", "query")]
    [InlineData("""{"query":"{ hello }","variables":{},"variables":{"name":"Ada"}}""", "variables")]
    public async Task A_post_member_given_twice_is_refused_not_taken_last(string body, string parameter)
    {
        var reply = await PostRawAsync(_client, body, GraphQLResponse, "application/json");

        Assert.Equal(400, reply.Status);
        Assert.Equal($"The \"{parameter}\" parameter is given 2 times; give it once.", reply.FirstMessage);
    }

    [Theory]
    [InlineData("""{"query":"query($name: String) { hello(name: $name) }","variables":{"name":"Ada","name":"Bob"}}""", "The request body")]
    [InlineData("""{"query":"{ hello }","extensions":{"a":{"b":1,"b":2}}}""", "The request body")]
    [InlineData("""{"query":"{ hello }","other":1,"other":2}""", "The request body")]
    public async Task A_member_named_twice_anywhere_in_the_body_is_refused_not_taken_last(string body, string what)
    {
        var reply = await PostRawAsync(_client, body, GraphQLResponse, "application/json");

        Assert.Equal(400, reply.Status);
        Assert.Equal(what + " names a member twice in one object; give each once.", reply.FirstMessage);
    }

    [Fact]
    public async Task A_variable_named_twice_in_a_get_is_refused_not_taken_last()
    {
        var reply = await GetAsync(_client, Query("query($name: String) { hello(name: $name) }", """{"name":"Ada","name":"Bob"}"""), GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.Equal("The \"variables\" parameter names a member twice in one object; give each once.", reply.FirstMessage);
    }

    [Theory]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json;charset=utf-8")]
    public async Task A_quoted_charset_is_the_same_charset(string contentType)
    {
        var reply = await PostRawAsync(_client, """{"query":"{ hello }"}""", GraphQLResponse, contentType);

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, world!", reply.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_json_body_is_ignored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""{"query":"{ hello }"}""")]),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Json);
        request.Headers.TryAddWithoutValidation("Accept", GraphQLResponse);

        var reply = await SendAsync(_client, request);

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, world!", reply.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Null_variables_operation_name_and_extensions_are_as_if_absent()
    {
        var reply = await PostRawAsync(_client, """{"query":"{ hello }","variables":null,"operationName":null,"extensions":null}""",
            GraphQLResponse);

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, world!", reply.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Get_reads_query_json_variables_and_operation_name_from_the_query_string()
    {
        var reply = await GetAsync(_client,
            Query("query A { hello } query B($name: String) { hello(name: $name) }", """{"name":"Grace"}""", "B"),
            GraphQLResponse);

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, Grace!", reply.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_utf8_request_with_characters_outside_the_bmp_is_read_intact()
    {
        var reply = await PostRawAsync(_client, """{"query":"{ hello(name: \"Run🏃Swim🏊\") }"}""", contentType: "application/json; charset=utf-8");

        Assert.Equal(200, reply.Status);
        Assert.Equal("Hello, Run🏃Swim🏊!", reply.Data.GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_allowing_post()
    {
        var reply = await GetAsync(_client, Query("mutation { touch }"), GraphQLResponse);

        Assert.Equal(405, reply.Status);
        Assert.Equal(["POST"], reply.ContentHeaders.Allow);
        Assert.Equal("Cannot perform mutation operations over GET; use POST.", reply.FirstMessage);
        Assert.Equal("METHOD_NOT_ALLOWED", reply.FirstCode);
    }

    [Fact]
    public async Task Head_is_answered_as_get()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/graphql?" + Query("{ hello }"));
        var reply = await SendAsync(_client, request);

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task Other_methods_are_405_allowing_get_head_and_post()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/graphql") { Content = new StringContent("{}") };
        var reply = await SendAsync(_client, request);

        Assert.Equal(405, reply.Status);
        Assert.Equal(["GET", "HEAD", "POST"], reply.ContentHeaders.Allow.Order());
        Assert.Equal("METHOD_NOT_ALLOWED", reply.FirstCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_post_body_that_is_not_utf8_json_is_415(string? contentType)
    {
        var reply = await PostRawAsync(_client, """{"query":"{ hello }"}""", contentType: contentType);

        Assert.Equal(415, reply.Status);
        Assert.Equal("POST requests must have the content type application/json (UTF-8).", reply.FirstMessage);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", reply.FirstCode);
    }

    [Theory]
    [InlineData(null, "The request body is empty; expected a JSON object with a \"query\".")]
    [InlineData("{ \"not a JSON", "The request body is not valid JSON, or nests deeper than 64 levels.")]
    [InlineData("[\"array\"]", "The request body must be a JSON object.")]
    [InlineData("\"text\"", "The request body must be a JSON object.")]
    [InlineData("{}", "The \"query\" parameter is missing.")]
    [InlineData("{\"qeury\":\"{ hello }\"}", "The \"query\" parameter is missing.")]
    [InlineData("{\"query\":null}", "The \"query\" parameter is missing.")]
    [InlineData("{\"query\":0}", "The \"query\" parameter must be a string.")]
    [InlineData("{\"query\":{\"obj\":\"ect\"}}", "The \"query\" parameter must be a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":false}", "The \"operationName\" parameter must be a string.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":\"string\"}", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":[\"array\"]}", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("{\"query\":\"{ hello }\",\"extensions\":0}", "The \"extensions\" parameter must be a JSON object.")]
    public async Task A_malformed_post_is_400_with_the_reason_in_either_media_type(string? body, string message)
    {
        foreach (var accept in new[] { Json, GraphQLResponse })
        {
            var reply = await PostRawAsync(_client, body, accept);

            Assert.Equal(400, reply.Status);
            Assert.Equal(accept, reply.MediaType);
            Assert.Equal(message, reply.FirstMessage);
            Assert.Equal("BAD_REQUEST", reply.FirstCode);
            Assert.False(reply.HasData);
        }
    }

    [Theory]
    [InlineData("", "The \"query\" parameter is missing.")]
    [InlineData("query=%7Bhello%7D&variables=%7Bx", "The \"variables\" parameter is not valid JSON.")]
    [InlineData("query=%7Bhello%7D&variables=%5B1%5D", "The \"variables\" parameter must be a JSON object.")]
    [InlineData("query=%7Bhello%7D&extensions=3", "The \"extensions\" parameter must be a JSON object.")]
    public async Task A_malformed_get_is_400(string queryString, string message)
    {
        var reply = await GetAsync(_client, queryString);

        Assert.Equal(400, reply.Status);
        Assert.Equal(message, reply.FirstMessage);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var padding = new string(' ', 5000);
        var reply = await PostRawAsync(_client, "{\"query\":\"{ hello }\"" + padding + "}");

        Assert.Equal(413, reply.Status);
        Assert.Equal("The request body exceeds the maximum of 4,096 bytes.", reply.FirstMessage);
        Assert.Equal("REQUEST_TOO_LARGE", reply.FirstCode);
    }
}
