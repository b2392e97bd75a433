using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// GraphQL cursors are signed with REST's cursor key: a cursor made by hand, or a real one with its position changed,
/// is refused with BAD_CURSOR on both execution paths, while a real one opens on either server sharing the key.
/// </summary>
public class SignedCursorTests(CompiledExecutionServers servers) : IClassFixture<CompiledExecutionServers>
{
    private const string Page = "query ($after: String) { projects(first: 2, after: $after) { nodes { slug } pageInfo { endCursor } } }";

    public static TheoryData<string> Forgeries => new() { "hand-made", "position altered", "signature cut", "another list" };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_cursor_is_refused_with_BAD_CURSOR_on_both_paths(string forgery)
    {
        var real = await EndCursorAsync(servers.Resolvers);
        var cursor = forgery switch
        {
            // The unsigned form these cursors had: the list and order, then the position.
            "hand-made" => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("projects|SLUG|ASC\u001fakash\u001fakash")),
            "position altered" => Altered(real),
            "signature cut" => real[..real.IndexOf('.', StringComparison.Ordinal)],
            _ => null,
        };
        var query = forgery == "another list"
            ? "query ($after: String) { changes(first: 2, after: $after) { totalCount } }"
            : Page;

        foreach (var (path, client) in new[] { ("compiled", servers.Compiled), ("resolvers", servers.Resolvers) })
        {
            var body = await client.PostAsync(query, new { after = cursor ?? real });
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.True(error.GetProperty("extensions").GetProperty("code").GetString() == "BAD_CURSOR", $"{path}: {body}");
            Assert.Contains("\"after\"", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task A_real_cursor_pages_on_both_paths_alike()
    {
        var cursor = await EndCursorAsync(servers.Compiled);

        var compiled = await servers.Compiled.DataAsync(Page, new { after = cursor });
        var resolvers = await servers.Resolvers.DataAsync(Page, new { after = cursor });

        Assert.Equal(Slugs(resolvers), Slugs(compiled));
        Assert.NotEmpty(Slugs(compiled));
        Assert.DoesNotContain(Slugs(await servers.Resolvers.DataAsync(Page, new { after = (string?)null })), Slugs(compiled).Contains);
    }

    private static async Task<string> EndCursorAsync(GraphQLClient client) =>
        (await client.DataAsync(Page, new { after = (string?)null })).GetProperty("projects").GetProperty("pageInfo")
        .GetProperty("endCursor").GetString()!;

    /// <summary>The same signature over another position: what a client steering the query would send.</summary>
    private static string Altered(string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        var position = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor.AsSpan(0, dot)))!;
        position[0] = "a";
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position)) + cursor[dot..];
    }

    private static List<string> Slugs(JsonElement data) =>
        data.GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!).ToList();
}
