using System.Net.Http.Headers;
using static GraphQLEngine.Tests.Http.GraphQLHttp;

namespace GraphQLEngine.Tests.Http;

/// <summary>
/// JSON lets a string hold an escaped lone surrogate, and the reader lets invalid UTF-8 through inside a string; neither
/// is text. The transport refuses such a request with 400 before anything reads the string.
/// </summary>
public class NonTextStringTests(TestServerFactory factory) : IClassFixture<TestServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> Bodies => new()
    {
        { "lone surrogate in the query", """{"query":"{ hello(name: \"\ud800\") }"}""" },
        { "lone surrogate in a variable", """{"query":"query Q($n: String) { hello(name: $n) }","variables":{"n":"\udfff"}}""" },
        { "lone surrogate in the operation name", """{"query":"{ hello }","operationName":"\ud800"}""" },
        { "lone surrogate in a property name", """{"query":"{ hello }","extensions":{"\ud800":1}}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_string_that_is_not_text_is_a_400(string what, string body)
    {
        var reply = await PostRawAsync(_client, body, GraphQLResponse);

        Assert.True(reply.Status == 400, $"{what}: {reply.Status} {reply.Body}");
        Assert.Contains("not Unicode text", reply.FirstMessage);
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_is_a_400()
    {
        byte[] body = [.. "{\"query\":\"{ hello(name: \\\""u8, 0xC3, 0x28, .. "\\\") }\"}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Json);
        request.Headers.TryAddWithoutValidation("Accept", GraphQLResponse);

        var reply = await SendAsync(_client, request);

        Assert.Equal(400, reply.Status);
        Assert.Contains("not Unicode text", reply.FirstMessage);
    }
}
