using GraphQLEngine.Limits;
using GraphQLEngine.Tests.Limits;
using GraphQLEngine.TestServer;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

public class PipelineTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Unexpected_resolver_exceptions_are_masked_and_carry_no_internals()
    {
        var reply = await PostAsync(_client, new { query = "{ internalFailure }" });

        Assert.Equal(200, reply.Status);
        Assert.Equal("Unexpected error.", reply.FirstMessage);
        Assert.DoesNotContain("secret", reply.Body);
        Assert.DoesNotContain("InvalidOperationException", reply.Body);
        Assert.DoesNotContain(" at ", reply.Body);
    }

    [Fact]
    public async Task Limits_are_enforced_after_validation_with_their_codes()
    {
        var deep = "{ book(id: \"book-1\") { " + string.Concat(Enumerable.Repeat("author { books(first: 1) { ", 7))
                   + "title" + new string('}', 14) + " } }";

        var reply = await PostAsync(_client, new { query = deep }, GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.Equal(QueryLimitCodes.TooDeep, reply.FirstCode);
        Assert.Equal("Query depth 16 exceeds the maximum of 15 by 1.", reply.FirstMessage);
    }

    [Fact]
    public async Task Too_costly_queries_are_rejected_before_execution()
    {
        var reply = await PostAsync(_client, new { query = "{ books(first: 100) { author { books(first: 100) { title } } } }" }, GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.Equal(QueryLimitCodes.TooComplex, reply.FirstCode);
        Assert.Equal("Query cost 10,100 exceeds the maximum of 10,000 by 100.", reply.FirstMessage);
        var extensions = reply.Errors[0].GetProperty("extensions");
        Assert.Equal(10_000, extensions.GetProperty("limit").GetInt64());
        Assert.Equal(10_100, extensions.GetProperty("actual").GetInt64());
    }

    [Fact]
    public async Task Limits_are_read_from_configuration()
    {
        var reply = await PostAsync(_client, new { query = "{ a: hello b: hello c: hello d: hello }" });

        Assert.Equal(QueryLimitCodes.TooManyAliases, reply.FirstCode);
        Assert.Equal("Query uses 4 aliases, which exceeds the maximum of 3 by 1.", reply.FirstMessage);
    }

    [Fact]
    public async Task An_interceptor_adds_the_cost_to_the_response_extensions()
    {
        var reply = await PostAsync(_client, new { query = "{ books(first: 3) { title tags author { books(first: 2) { id } } } }" });

        var cost = reply.Json.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(3 + 3 * 2, cost.GetProperty("requestedQueryCost").GetInt64());
        Assert.Equal(10_000, cost.GetProperty("maximumAvailable").GetInt64());
        Assert.Equal(3, reply.Data.GetProperty("books").GetArrayLength());
    }

    [Fact]
    public async Task An_interceptor_can_refuse_a_request_with_its_own_status()
    {
        foreach (var accept in new[] { Json, GraphQLResponse })
        {
            var reply = await PostRawAsync(_client, """{"query":"{ hello }"}""", accept,
                configure: request => request.Headers.Add("X-Refuse", "true"));

            Assert.Equal(429, reply.Status);
            Assert.Equal("60", reply.Headers.RetryAfter!.ToString());
            Assert.Equal("RATE_LIMITED", reply.FirstCode);
            Assert.False(reply.HasData);
        }
    }

    [Theory]
    [InlineData("""{"query":"{ hello }","unread":[[[[]]],{"a":"\u00e9"}]}""")]
    [InlineData("""{"query":"{ hello }""")]
    [InlineData("""{"query":"{ hello }","query":"{ hello }"}""")]
    [InlineData("\uFEFF{\"query\":\"{ hello }\"}")]
    public async Task An_interceptor_sees_a_body_as_received_and_can_refuse_it_before_any_of_it_is_read(string body)
    {
        foreach (var accept in new[] { Json, GraphQLResponse })
        {
            var reply = await PostRawAsync(_client, body, accept,
                configure: request => request.Headers.Add("X-Refuse-Received", "true"));

            // Refused as received, so a body that is not JSON, or names "query" twice, is not answered BAD_REQUEST.
            Assert.Equal(429, reply.Status);
            Assert.Equal("Refused on receipt.", reply.FirstMessage);
            var extensions = reply.Errors[0].GetProperty("extensions");
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture),
                extensions.GetProperty("bytes").GetString());
            Assert.False(extensions.GetProperty("get").GetBoolean());
            Assert.False(reply.HasData);
        }
    }

    [Fact]
    public async Task An_interceptor_sees_what_was_read_of_a_body_that_passed_the_size_limit_and_its_413_stands()
    {
        // No Content-Length: the body is read until it passes the limit (4,096 bytes here), one byte past it and no
        // further, and that reading is work a hook may charge for.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ChunkedContent(new byte[20_000]) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Refuse-Received", "true");

        var reply = await SendAsync(_client, request);

        Assert.Equal(413, reply.Status);
        Assert.Equal("REQUEST_TOO_LARGE", reply.FirstCode);
        Assert.Equal("4097", Assert.Single(reply.Headers.GetValues("X-Received-Bytes")));
        Assert.Equal("true", Assert.Single(reply.Headers.GetValues("X-Received-Over-Limit")));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_by_its_content_length_is_not_read_and_no_hook_sees_it()
    {
        var reply = await PostRawAsync(_client, new string(' ', 5_000),
            configure: request => request.Headers.Add("X-Refuse-Received", "true"));

        Assert.Equal(413, reply.Status);
        Assert.False(reply.Headers.Contains("X-Received-Bytes"));
    }

    /// <summary>A JSON body sent without a Content-Length, in pieces of 1,000 bytes.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 1_000)
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(1_000, _bytes.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task An_interceptor_sees_a_get_by_its_query_string_as_sent()
    {
        var queryString = Query("{ hello }", variables: """{"x":"é"}""") + "&unread=%01%01";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString);
        request.Headers.Add("X-Refuse-Received", "true");

        var reply = await SendAsync(_client, request);

        Assert.Equal(429, reply.Status);
        var extensions = reply.Errors[0].GetProperty("extensions");
        Assert.Equal(queryString.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), extensions.GetProperty("bytes").GetString());
        Assert.True(extensions.GetProperty("get").GetBoolean());
    }

    [Fact]
    public async Task The_user_context_factory_runs_per_request()
    {
        var reply = await PostRawAsync(_client, """{"query":"{ viewer }"}""",
            configure: request => request.Headers.Add("X-User", "ada"));

        Assert.Equal("ada", reply.Data.GetProperty("viewer").GetString());
    }

    [Fact]
    public async Task An_operation_over_the_execution_timeout_is_cancelled_with_an_error()
    {
        var body = new { query = "{ slow(milliseconds: 10000) }" };

        var graphQLResponse = await PostAsync(_client, body, GraphQLResponse);
        var json = await PostAsync(_client, body, Json);

        Assert.Equal(504, graphQLResponse.Status);
        Assert.Equal(200, json.Status);
        foreach (var reply in new[] { graphQLResponse, json })
        {
            Assert.Equal("EXECUTION_TIMEOUT", reply.FirstCode);
            Assert.Equal($"The operation did not complete within the execution timeout of {TestServerFactory.ExecutionTimeoutMilliseconds} ms.", reply.FirstMessage);
        }
    }

    [Fact]
    public async Task A_query_over_the_length_limit_is_rejected_before_parsing()
    {
        var query = "{ hello " + new string(' ', 2000) + "}";

        var reply = await PostAsync(_client, new { query }, GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.Equal("QUERY_TOO_LONG", reply.FirstCode);
        Assert.Equal("The query is 2,009 characters long, which exceeds the maximum of 2,000 by 9.", reply.FirstMessage);
        // As every limit's error says, the limit and the measure.
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(2000, extensions.GetProperty("limit").GetInt32());
        Assert.Equal(2009, extensions.GetProperty("actual").GetInt32());
    }

    [Fact]
    public async Task The_length_limit_counts_characters_so_an_emoji_counts_once_as_the_message_says()
    {
        // U+1F600 is two UTF-16 code units and four UTF-8 bytes; the body is sent as raw UTF-8 to stay within the
        // server's 4,096 bytes. 1,000 of them and the 11 characters before are 2,011 code units but 1,011 characters.
        // Over it: 100 of them and 1,900 letters, 2,011 characters.
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 1000));
        var within = await PostRawAsync(_client, $$"""{"query":"{ hello } #{{emoji}}"}""", GraphQLResponse);
        var over = await PostRawAsync(_client, $$"""{"query":"{ hello } #{{emoji[..200]}}{{new string('x', 1900)}}"}""", GraphQLResponse);

        Assert.Equal(200, within.Status);
        Assert.Equal(400, over.Status);
        Assert.Equal("The query is 2,011 characters long, which exceeds the maximum of 2,000 by 11.", over.FirstMessage);
        Assert.Equal(2011, over.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("actual").GetInt32());
    }

    [Fact]
    public async Task The_parser_limits_apply()
    {
        var query = new string('{', 300) + new string('}', 300);

        var reply = await PostAsync(_client, new { query }, GraphQLResponse);

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("Syntax Error:", reply.FirstMessage);
    }

    [Fact]
    public async Task The_full_introspection_query_of_graphql_js_runs_under_the_default_limits()
    {
        var reply = await PostAsync(_client, new { query = IntrospectionQueryTests.GraphQLJsIntrospectionQuery }, GraphQLResponse);

        Assert.Equal(200, reply.Status);
        Assert.Empty(reply.Errors);
        var types = reply.Data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("Book", types);
        Assert.Contains("__Schema", types);
    }

    [Fact]
    public async Task The_sample_schema_pages_its_books()
    {
        var reply = await GetAsync(_client, Query("{ books(last: 2) { id } }"));

        Assert.Equal(["book-249", "book-250"], reply.Data.GetProperty("books").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        Assert.Equal(250, Library.Books.Count);
    }
}
