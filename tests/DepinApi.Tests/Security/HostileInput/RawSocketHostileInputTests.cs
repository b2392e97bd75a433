using System.Text;
using static DepinApi.Tests.Security.HostileInput.RawHttp;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// What only a real socket can carry: 10 MB bodies, request lines and headers over Kestrel's limits (413/414/431,
/// src/DepinApi/Security/ServerOptions.cs), invalid UTF-8 and NUL bytes in the request line and headers, malformed
/// framing, and requests that never finish. Kestrel refuses what it cannot parse itself, before any middleware runs
/// (400/408/414/431 with an empty body: ASP.NET Core has no hook to give them one, docs/errors.md); whatever reaches
/// the application, a body Kestrel refuses while it is read included, is answered with a problem or a GraphQL error;
/// nothing hangs.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class RawSocketHostileInputTests(HostileInputApi api)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private sealed record RawCase(string Name, byte[] Head, Expectation Expect, byte[]? Body = null, bool Stall = false, bool EndHead = true);

    private static byte[] Head(string requestLine, params string[] headers) =>
        Bytes(requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + string.Concat(headers.Select(h => h + "\r\n")));

    private static byte[] HeadWith(string requestLine, byte[] rawHeader) =>
        [.. Head(requestLine), .. rawHeader, .. "\r\n"u8];

    private static byte[] GraphQLBody(int size) =>
        [.. "{\"query\":\"{ "u8, .. Enumerable.Repeat((byte)'a', size - 16), .. " }\"}"u8];

    private static byte[] Chunked(byte[] body)
    {
        var framed = new MemoryStream();
        for (var at = 0; at < body.Length; at += 64 * 1024)
        {
            var size = Math.Min(64 * 1024, body.Length - at);
            framed.Write(Encoding.ASCII.GetBytes($"{size:X}\r\n"));
            framed.Write(body, at, size);
            framed.Write("\r\n"u8);
        }
        framed.Write("0\r\n\r\n"u8);
        return framed.ToArray();
    }

    private const string GraphQLPost = "POST /graphql";
    private const string Json = "Content-Type: application/json";
    private const string GraphQLAccept = "Accept: application/graphql-response+json";

    private static IEnumerable<RawCase> Cases()
    {
        var tenMegabyteQuery = GraphQLBody(TenMegabytes);
        // Bodies: GraphQL takes at most GraphQL:MaxRequestBytes (256 KiB) and refuses more as a GraphQL error.
        yield return new("10 MB GraphQL body with its length", Head(GraphQLPost, Json, GraphQLAccept, $"Content-Length: {TenMegabytes}"),
            Expectation.GraphQLError(413), tenMegabyteQuery);
        yield return new("10 MB GraphQL body, chunked", Head(GraphQLPost, Json, GraphQLAccept, "Transfer-Encoding: chunked"),
            Expectation.GraphQLError(413), Chunked(tenMegabyteQuery));
        yield return new("10 MB GraphQL body announced with Expect: 100-continue", Head(GraphQLPost, Json, GraphQLAccept, $"Content-Length: {TenMegabytes}", "Expect: 100-continue"),
            Expectation.GraphQLError(413));
        yield return new("10 MB body posted to a REST endpoint", Head("POST /v1/projects", Json, $"Content-Length: {TenMegabytes}"),
            Expectation.Problem(405), new byte[TenMegabytes]);

        // Request line and headers over Kestrel's limits.
        yield return new("40 KiB request line", Head("GET /v1/projects?q=" + new string('a', 40 * 1024)), Expectation.ServerRefusal(414));
        yield return new("10 MB request line", Head("GET /v1/projects?q=" + new string('a', TenMegabytes)), Expectation.ServerRefusal(414));
        yield return new("40 KiB header", Head("GET /v1/projects", "X-Padding: " + new string('a', 40 * 1024)), Expectation.ServerRefusal(431));
        yield return new("10 MB header", Head("GET /v1/projects", "X-Padding: " + new string('a', TenMegabytes)), Expectation.ServerRefusal(431));
        yield return new("200 headers", Head("GET /v1/projects", [.. Enumerable.Range(0, 200).Select(i => $"X-H{i}: {i}")]), Expectation.ServerRefusal(431));

        // Bytes that are not text where text must be.
        // Percent-encoded bytes that are no UTF-8 reach the application as the text "%FF", which a literal "%25FF" also
        // decodes to: only the raw target tells them apart, so the first is a 400 and the second a name that is not found.
        yield return new("percent-encoded bytes in a path segment that are not UTF-8", Head("GET /v1/projects/%FF"), Expectation.Problem(400, "invalid-parameter"));
        yield return new("an encoded lone surrogate in a path segment", Head("GET /v1/projects/helium%ED%A0%80/revenue"), Expectation.Problem(400, "invalid-parameter"));
        yield return new("a percent sign sent encoded in a path segment", Head("GET /v1/projects/%25FF"), Expectation.Problem(404, "project-not-found"));
        yield return new("invalid UTF-8 bytes in the path", [.. "GET /v1/projects/"u8, 0xFF, 0xFE, .. " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"u8], Expectation.ServerRefusal(400));
        yield return new("invalid UTF-8 bytes in the query", [.. "GET /v1/projects?q="u8, 0xC0, 0xAF, .. " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"u8], Expectation.ServerRefusal(400));
        yield return new("NUL byte in the request line", [.. "GET /v1/projects?q=a"u8, 0, .. " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"u8], Expectation.ServerRefusal(400));
        yield return new("bytes that are no request line", [0xFF, 0xFE, 0xFD, 0, .. "\r\n"u8], Expectation.ServerRefusal(400));
        yield return new("invalid UTF-8 bytes in a header value", HeadWith("GET /v1/projects", [.. "Accept: "u8, 0xFF, 0xFE]), Expectation.ServerRefusal(400));
        yield return new("invalid UTF-8 bytes in the GraphQL Accept header", HeadWith("GET /graphql?query=%7B__typename%7D", [.. "Accept: application/json"u8, 0xC0, 0xAF]), Expectation.ServerRefusal(400));
        yield return new("NUL byte in a header value", HeadWith("GET /v1/projects", [.. "X-Api-Key: a"u8, 0, .. "b"u8]), Expectation.ServerRefusal(400));
        yield return new("invalid bytes in a header name", HeadWith("GET /v1/projects", [.. "X-"u8, 0xFF, .. ": y"u8]), Expectation.ServerRefusal(400));
        yield return new("percent-encoded invalid UTF-8 in the path", Head("GET /v1/projects/%FF%FE%C0%AF"), Expectation.Problem(400, "invalid-parameter"));
        yield return new("percent-encoded invalid UTF-8 in a GraphQL GET", Head("GET /graphql?query=%7B%20meta%FF%FE%20%7B%20dataVersion%20%7D%20%7D", GraphQLAccept),
            Expectation.GraphQLError(400));
        yield return new("percent-encoded invalid UTF-8 in GraphQL variables", Head("GET /graphql?query=query(%24m%3AString)%7Bmeta%7BdataVersion%7D%7D&variables=%7B%22m%22%3A%22%FF%FE%22%7D", GraphQLAccept),
            Expectation.GraphQLError(400, "BAD_REQUEST", "not Unicode text"));
        yield return new("percent-encoded lone surrogate in a GraphQL operation name", Head("GET /graphql?query=%7B__typename%7D&operationName=%ED%A0%80", GraphQLAccept),
            Expectation.GraphQLError(400, "BAD_REQUEST", "not Unicode text"));
        yield return new("percent-encoded invalid UTF-8 in a REST parameter", Head("GET /v1/figures?q=%FF%FE"), Expectation.Problem(400, "invalid-parameter"));
        yield return new("percent-encoded NUL in the path", Head("GET /v1/projects/helium%00"), Expectation.ServerRefusal(400));

        // Framing.
        // Kestrel's own refusals met while the body is read reach the exception handler: docs/errors.md's problem types.
        yield return new("malformed chunk size", Head(GraphQLPost, Json, GraphQLAccept, "Transfer-Encoding: chunked"), Expectation.Problem(400, "bad-request"),
            Bytes("ZZZ\r\nabc\r\n0\r\n\r\n"));
        yield return new("chunk longer than announced", Head(GraphQLPost, Json, GraphQLAccept, "Transfer-Encoding: chunked"), Expectation.Problem(400, "bad-request"),
            Bytes("2\r\n{\"query\":\"{ __typename }\"}\r\n0\r\n\r\n"));
        yield return new("overlong Content-Length", Head(GraphQLPost, Json, "Content-Length: 99999999999999999999999"), Expectation.ServerRefusal(400));
        yield return new("negative Content-Length", Head(GraphQLPost, Json, "Content-Length: -1"), Expectation.ServerRefusal(400));
        yield return new("two different Content-Lengths", Head(GraphQLPost, Json, "Content-Length: 5", "Content-Length: 6"), Expectation.ServerRefusal(400));
        yield return new("unknown method", Head("BREW /v1/projects"), Expectation.Problem(405));
        // Methods are case-sensitive (RFC 9110 9.1): a known method in other letters is unknown, not served as itself.
        yield return new("lower-case head", Head("head /v1/projects"), Expectation.Problem(405, "method-not-allowed"));
        yield return new("mixed-case Head on a page", Head("Head /"), Expectation.Problem(405, "method-not-allowed"));
        yield return new("lower-case get", Head("get /v1/projects"), Expectation.Problem(405, "method-not-allowed"));
        yield return new("lower-case get of the OpenAPI document", Head("get /openapi/v1.json"), Expectation.Problem(405, "method-not-allowed"));
        yield return new("lower-case get of GraphQL", Head("get /graphql?query=%7B__typename%7D", GraphQLAccept), Expectation.GraphQLError(405, "METHOD_NOT_ALLOWED"));
        yield return new("lower-case post of GraphQL", Head("post /graphql", Json, GraphQLAccept, "Content-Length: 26"),
            Expectation.GraphQLError(405, "METHOD_NOT_ALLOWED"), Bytes("{\"query\":\"{ __typename }\"}"));

        // Requests that never finish: Kestrel's minimum body rate and header timeout end them; a body's 408 from /graphql
        // is a GraphQL error with its code, as its 413 is.
        yield return new("body that stops half-way", Head(GraphQLPost, Json, GraphQLAccept, "Content-Length: 1000"), Expectation.GraphQLError(408, "REQUEST_TIMEOUT"),
            Bytes("{\"query\":\"{ __typ"), Stall: true);
        yield return new("headers that never end", Head("GET /v1/projects"), Expectation.ServerRefusal(408), Stall: true, EndHead: false);
    }

    [Fact]
    public async Task Raw_hostile_requests_are_refused_by_the_server_or_answered_as_problems()
    {
        var failures = new List<string>();
        var cases = Cases().ToList();
        foreach (var raw in cases)
        {
            try
            {
                var response = await SendAsync(api.SocketAddress, raw.Head, raw.Body, raw.Stall, raw.EndHead);
                var fault = response.Status == 0
                    ? "the connection closed without an answer"
                    : raw.Expect.Check(response.Status, response.ContentType, response.Body);
                if (fault is not null)
                    failures.Add($"{raw.Name}: expected {raw.Expect.Description}, got {fault}: {HostileBarrage.Excerpt(response.Body)}");
            }
            catch (TimeoutException e)
            {
                failures.Add($"{raw.Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} raw requests were answered wrongly:\n" + string.Join("\n", failures));
        await api.AssertUnharmedAsync();
    }

    [Fact]
    public async Task A_lower_case_post_is_refused_though_a_POST_of_the_same_body_was_kept_in_the_output_cache()
    {
        // A document of its own: the raw cases above send a lower-case post too, and must not find this one kept.
        var body = Bytes("{\"query\":\"{ kept: __typename }\"}");
        var length = $"Content-Length: {body.Length}";

        var post = await SendAsync(api.SocketAddress, Head(GraphQLPost, Json, GraphQLAccept, length), body);
        var again = await SendAsync(api.SocketAddress, Head(GraphQLPost, Json, GraphQLAccept, length), body);
        var lowerCase = await SendAsync(api.SocketAddress, Head("post /graphql", Json, GraphQLAccept, length), body);

        Assert.Equal(200, post.Status);
        Assert.Equal(200, again.Status);
        Assert.Null(Expectation.GraphQLError(405, "METHOD_NOT_ALLOWED").Check(lowerCase.Status, lowerCase.ContentType, lowerCase.Body));
    }
}
