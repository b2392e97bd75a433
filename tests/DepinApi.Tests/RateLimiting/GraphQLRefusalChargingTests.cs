using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>
/// What a GraphQL request refused before it runs costs (docs/rate-limits.md, "What a refusal costs"): its admission
/// point, or its document's price by size when that is more, and never its query cost, so garbage stays limited
/// without being charged as work it did not get.
/// </summary>
public class GraphQLRefusalChargingTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    // About 100 points by the cost limits: a page of 100 projects.
    private const string Expensive = "projects(first: 100) { nodes { slug } }";

    [Theory]
    [InlineData("missing variable", "query ($slug: String!) { " + Expensive + " project(slug: $slug) { slug } }", null)]
    [InlineData("variable of the wrong type", "query ($slug: String!) { " + Expensive + " project(slug: $slug) { slug } }", """{"slug":5}""")]
    [InlineData("no such operation", "query A { " + Expensive + " } query B { " + Expensive + " }", null)]
    [InlineData("too costly", "{ a: projects(first: 100) { nodes { slug } } b: projects(first: 100) { nodes { slug } } }", null)]
    [InlineData("invalid", "{ " + Expensive + " nope }", null)]
    [InlineData("syntax error", "{ " + Expensive, null)]
    public async Task A_request_refused_before_it_runs_costs_its_admission_point_only(string what, string query, string? variables)
    {
        await using var api = Api();

        using var refused = await PostAsync(api, query, variables);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.TryGetProperty("data", out _), what);
        Assert.Equal("999", Header(refused, "RateLimit-Remaining"));
        Assert.Equal(0, body.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").GetInt64());

        // The same cost, admitted, is charged in full.
        using var admitted = await PostAsync(api, "{ " + Expensive + " }", null);
        var cost = (await admitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("extensions").GetProperty("cost")
            .GetProperty("requestedQueryCost").GetInt64();
        Assert.True(cost >= 50, $"cost {cost}");
        Assert.Equal((999 - cost).ToString(), Header(admitted, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_document_with_many_validation_errors_is_answered_with_the_first_five_for_its_one_point()
    {
        await using var api = Api();
        // 462 bytes: 15 fields under one response key, each pair in conflict. 98 errors, 30,603 bytes, were one point's answer.
        string[] fields = ["slug", "name", "sector", "subTrack", "tokenSymbol", "chain", "website", "description"];
        var document = "{" + string.Join(" ", Enumerable.Range(0, 15).Select(i => $"a:project(slug:\"h\"){{b:{fields[i % fields.Length]}}}")) + "}";
        var body = System.Text.Encoding.UTF8.GetBytes("{\"query\":\"" + document.Replace("\"", "\\\"") + "\"}");
        Assert.Equal(1, Price(body));

        using var refused = await PostBodyAsync(api, body);
        var text = await refused.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray().ToList();

        Assert.Equal(6, errors.Count);
        Assert.All(errors.Take(5), error => Assert.StartsWith("Fields \"a\" conflict", error.GetProperty("message").GetString()));
        // graphql-js's words when its maxErrors is reached.
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[5].GetProperty("message").GetString());
        Assert.Equal("1", Header(refused, "RateLimit-Cost"));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(text), 1, 2_048);
    }

    [Fact]
    public async Task A_conflict_between_two_fields_is_answered_within_what_its_point_buys_not_naming_every_pair()
    {
        await using var api = Api();
        // Each copy selects b thirty times, as slug in one and name in the other: 900 pairs of subfields conflict, and
        // the one error naming them all was 47,443 bytes for the request's one point (with a thousand, 14 KB of
        // document, its message ran to 70 million characters and the server kept it, half a gigabyte, in its
        // validation cache).
        var document = "{a:project(slug:\"h\"){" + string.Join(" ", Enumerable.Repeat("b:slug", 30)) + "} a:project(slug:\"h\"){"
                       + string.Join(" ", Enumerable.Repeat("b:name", 30)) + "}}";
        var body = System.Text.Encoding.UTF8.GetBytes("{\"query\":\"" + document.Replace("\"", "\\\"") + "\"}");
        Assert.Equal(1, Price(body));

        using var refused = await PostBodyAsync(api, body);
        var text = await refused.Content.ReadAsStringAsync();
        var error = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray());

        // The engine names 20 of them (a message of 1,579 characters), and the answer's limit cuts it to what fits in the
        // 2,048 bytes a point buys.
        var message = error.GetProperty("message").GetString()!;
        Assert.StartsWith("Fields \"a\" conflict because subfields \"b\" conflict because \"slug\" and \"name\" are different fields", message);
        Assert.EndsWith("… (1,579 characters)", message);
        Assert.Equal("1", Header(refused, "RateLimit-Cost"));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(text), 1, 2_048);
    }

    [Fact]
    public async Task A_request_whose_root_fields_name_different_versions_costs_its_admission_point_only()
    {
        await using var api = Api();

        using var refused = await PostAsync(api, """{ project(slug: "helium", asOf: "1") { slug } projects(first: 100, asOf: "2") { nodes { slug } } }""", null);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("AS_OF_CONFLICT", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64() >= 50);
        Assert.Equal("1", Header(refused, "RateLimit-Cost"));
        Assert.Equal("999", Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_long_refused_document_pays_its_size_and_an_admitted_one_the_larger_of_size_and_cost()
    {
        await using var api = Api();
        // 30 aliases of a cheap field, padded past 1,024 bytes: its body's price is 3 points at 512 bytes a point.
        var aliases = string.Join(" ", Enumerable.Range(0, 30).Select(i => $"alias_number_{i:D2}: meta {{ dataVersion }}"));
        var document = "{ " + aliases + " }";
        Assert.Equal(3, Price(Body(document + " nope")));
        Assert.Equal(3, Price(Body(document)));

        using var refused = await PostAsync(api, document + " nope", null);
        Assert.Contains("nope", await refused.Content.ReadAsStringAsync());
        Assert.Equal("997", Header(refused, "RateLimit-Remaining"));

        // Admitted, it pays the larger of its price and its query cost...
        using var cheap = await PostAsync(api, document, null);
        var body = await cheap.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.TryGetProperty("data", out _));
        var cost = body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64();
        Assert.Equal((997 - Math.Max(3, cost)).ToString(), Header(cheap, "RateLimit-Remaining"));

        // ...and a short document of the same cost pays the cost alone.
        using var shortOne = await PostAsync(api, "{ " + Expensive + " }", null);
        var shortCost = (await shortOne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("extensions").GetProperty("cost")
            .GetProperty("requestedQueryCost").GetInt64();
        Assert.Equal((997 - Math.Max(3, cost) - shortCost).ToString(), Header(shortOne, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Variables_are_priced_by_size_with_the_document_so_a_huge_refused_input_object_is_not_one_point()
    {
        await using var api = Api();
        // An input object of 2,000 fields it does not have: each is an error of coercion, work that grows with them.
        var fields = string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"k{i}\":1"));
        var variables = "{\"f\":{" + fields + "}}";
        const string document = "query ($f: ProjectFilter) { projects(first: 1, filter: $f) { nodes { slug } } }";

        using var refused = await PostAsync(api, document, variables);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal((1000 - Price(Body(document, variables))).ToString(), Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_document_over_the_length_limit_pays_the_size_of_the_body_that_carried_it()
    {
        await using var api = Api();
        // The document is not parsed, but its body was received and read as JSON.
        var document = "{ meta { dataVersion } }" + new string(' ', 20_000);

        using var refused = await PostAsync(api, document, null);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("QUERY_TOO_LONG", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(Price(Body(document)).ToString(), Header(refused, "RateLimit-Cost"));
        Assert.Equal((1000 - Price(Body(document))).ToString(), Header(refused, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_body_is_priced_by_its_bytes_as_sent_so_escapes_cost_what_they_take()
    {
        await using var api = Api();
        // 4,000 emoji: 16,000 bytes as UTF-8, 48,000 written as JSON escapes (\ud83d\ude00). The escaped form is what the
        // server reads, so it is what the request pays for; before, both paid for the 16,000 bytes of the decoded text.
        var document = "{ meta { dataVersion } } #" + string.Concat(Enumerable.Repeat("\U0001F600", 4_000));
        // The document has no character JSON must escape, so it is written into the raw body as it is.
        var raw = System.Text.Encoding.UTF8.GetBytes($$"""{"query":"{{document}}"}""");
        var escaped = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = document }));
        Assert.Contains("\\uD83D\\uDE00", System.Text.Encoding.UTF8.GetString(escaped), StringComparison.OrdinalIgnoreCase);

        using var rawReply = await PostBodyAsync(api, raw, "10.0.0.1");
        using var escapedReply = await PostBodyAsync(api, escaped, "10.0.0.2");

        Assert.Equal(200, (int)rawReply.StatusCode);
        Assert.Equal(200, (int)escapedReply.StatusCode);
        Assert.Equal(Price(raw).ToString(), Header(rawReply, "RateLimit-Cost"));
        Assert.Equal(Price(escaped).ToString(), Header(escapedReply, "RateLimit-Cost"));
        Assert.True(Price(escaped) > 2 * Price(raw), $"{Price(escaped)} against {Price(raw)}");
    }

    public static TheoryData<string, string, int> BodiesWithMoreThanTheirParameters() => new()
    {
        // Members the specification does not name are allowed and ignored, and read all the same.
        { "a member nothing reads", """{"query":"{ meta { dataVersion } }","junk":""" + Nested(300) + "}", 200 },
        { "a body cut off", """{"query":"{ meta { dataVersion } }","junk":""" + Nested(300), 400 },
        { "a member named twice", """{"query":"{ meta { dataVersion } }","junk":""" + Nested(300) + ""","junk":1}""", 400 },
        { "a long operation name", """{"query":"{ meta { dataVersion } }","operationName":" """ + new string('x', 20_000) + "\"}", 200 },
    };

    [Theory]
    [MemberData(nameof(BodiesWithMoreThanTheirParameters))]
    public async Task A_body_pays_for_its_bytes_whatever_it_holds_and_however_it_is_answered(string what, string body, int status)
    {
        await using var api = Api();
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        Assert.True(Price(bytes) >= 20, what);

        using var reply = await PostBodyAsync(api, bytes);

        Assert.True(status == (int)reply.StatusCode, $"{what}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
        Assert.Equal(Price(bytes).ToString(), Header(reply, "RateLimit-Cost"));
        Assert.Equal((1000 - Price(bytes)).ToString(), Header(reply, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_get_pays_for_its_query_string_as_sent()
    {
        await using var api = Api();
        var queryString = "query=" + Uri.EscapeDataString("{ meta { dataVersion } }") + "&unread=" + string.Concat(Enumerable.Repeat("%01", 3_000));

        using var reply = await api.GetAsync("/graphql?" + queryString);

        Assert.Equal(200, (int)reply.StatusCode);
        Assert.Equal(((queryString.Length + 511) / 512).ToString(), Header(reply, "RateLimit-Cost"));
    }

    [Fact]
    public async Task A_body_refused_for_its_declared_length_is_not_read_and_costs_its_admission_point()
    {
        await using var api = Api();
        var bytes = new byte[300 * 1024];
        bytes.AsSpan().Fill((byte)' ');

        using var reply = await PostBodyAsync(api, bytes);

        Assert.Equal(413, (int)reply.StatusCode);
        Assert.Equal("1", Header(reply, "RateLimit-Cost"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_chunked_body_over_the_limit_pays_for_what_was_read_of_it(bool cacheEnabled)
    {
        // No Content-Length: the server reads the body until it passes 256 KiB, and stops at the byte after. That was
        // 4.6 ms of CPU for the admission point alone; it is 513 points at 512 bytes a point, as a body of that length
        // read whole would be. (With the output cache on, its policy reads the body first to hash it, and the endpoint
        // reads it again from the buffer: the same bytes, charged once.)
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits(
            ("RateLimiting:Anonymous:PointsPerWindow", "1000"),
            ("GraphQL:CacheEnabled", cacheEnabled ? "true" : "false")));
        var bytes = new byte[300 * 1024];
        bytes.AsSpan().Fill((byte)' ');
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new UnmeasuredContent(bytes) };
        request.Headers.TransferEncodingChunked = true;

        using var reply = await api.Client.SendAsync(request);

        Assert.Equal(413, (int)reply.StatusCode);
        var error = Assert.Single((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("REQUEST_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(Price(new byte[256 * 1024 + 1]).ToString(), Header(reply, "RateLimit-Cost"));
        Assert.Equal("513", Header(reply, "RateLimit-Cost"));
    }

    [Fact]
    public async Task A_body_whose_price_the_balance_cannot_pay_is_refused_before_it_is_read()
    {
        // The client's other requests spend the balance while this one's body is on its way: its price is refused with
        // 429 RATE_LIMITED, as a query cost would be, though the body is not JSON (none of it was read).
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits(
            ("RateLimiting:Anonymous:PointsPerWindow", "100"),
            ("RateLimiting:Anonymous:BurstPoints", "100"),
            ("GraphQL:CacheEnabled", "false")));
        var ledger = api.Services.GetRequiredService<DepinApi.RateLimiting.RateLimitLedger>();
        var client = new DepinApi.RateLimiting.ClientIdentity("ip:" + TestEndpoints.DefaultPeer, "client", 100, 100, 2);
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"query\": " + new string(' ', 2_000));
        var body = new HeldContent(bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };

        using var streaming = api.CreateStreamingClient();
        var sent = streaming.SendAsync(request);
        // Admitted: its point is paid, its body not yet sent.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (ledger.Store.Peek(client, null).Balance > 99 * 60_000)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"not admitted: {ledger.Store.Peek(client, null).Balance}, {sent.Status}");
            await Task.Delay(10);
        }
        using (var spend = await api.GetAsync("/test/charge?cost=150"))
            Assert.Equal(200, (int)spend.StatusCode);
        body.Release();
        using var reply = await sent;
        var answer = await reply.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(429, (int)reply.StatusCode);
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal("RATE_LIMITED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(Price(bytes), error.GetProperty("extensions").GetProperty("cost").GetInt64());
        Assert.Equal("1", Header(reply, "RateLimit-Cost"));
    }

    /// <summary>A JSON body sent without a Content-Length, in chunks.</summary>
    private sealed class UnmeasuredContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnmeasuredContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < _bytes.Length; offset += 10_000)
                await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(10_000, _bytes.Length - offset)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A JSON body that is sent only once the test releases it.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await _released.Task;
            await stream.WriteAsync(_bytes);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }

    private RateLimitedApi Api() => new(database.ConnectionString, RateLimitedApi.SmallLimits(
        ("RateLimiting:Anonymous:PointsPerWindow", "1000"),
        ("GraphQL:MaxCost", "150"),
        ("GraphQL:CacheEnabled", "false")));

    private static Task<HttpResponseMessage> PostAsync(RateLimitedApi api, string query, string? variables) =>
        api.PostGraphQLAsync(query, variablesJson: variables);

    private static async Task<HttpResponseMessage> PostBodyAsync(RateLimitedApi api, byte[] body, string? peer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (peer is not null)
            request.Headers.Add(TestEndpoints.PeerHeader, peer);
        return await api.Client.SendAsync(request);
    }

    /// <summary>The body <see cref="RateLimitedApi.GraphQLRequest"/> sends.</summary>
    private static byte[] Body(string query, string? variables = null)
    {
        using var request = RateLimitedApi.GraphQLRequest(query, variablesJson: variables);
        return request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    /// <summary>One point per started 512 bytes (GraphQL:DocumentBytesPerPoint), at least 1.</summary>
    private static long Price(byte[] body) => Math.Max(1, (body.Length + 511) / 512);

    /// <summary>An array of <paramref name="count"/> arrays nested 60 deep (the reader refuses beyond 64).</summary>
    private static string Nested(int count) =>
        "[" + string.Join(",", Enumerable.Repeat(new string('[', 60) + new string(']', 60), count)) + "]";
}
