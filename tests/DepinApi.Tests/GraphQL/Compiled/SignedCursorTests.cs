using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// GraphQL cursors are signed with REST's cursor key: a cursor made by hand, or a real one with its position changed,
/// is refused with BAD_CURSOR on both execution paths, while a real one opens on either server sharing the key. As
/// REST's, a cursor is bound to its query (the filter, in a canonical form, the order and <c>asOf</c>) and to the data
/// version it was read from, so that an import never makes a page skip or repeat items without a word.
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

    /// <summary>The arguments a cursor is read with, then the arguments it is sent with.</summary>
    public static TheoryData<string, string, string> OtherQueries => new()
    {
        { "another sector", "filter: {sector: COMPUTE}", "filter: {sector: STORAGE}" },
        { "a filter added", "", "filter: {search: \"e\"}" },
        { "a filter left out", "filter: {slugs: [\"akash\", \"helium\", \"render\"]}", "" },
        { "other slugs", "filter: {slugs: [\"akash\", \"helium\", \"render\"]}", "filter: {slugs: [\"akash\", \"helium\"]}" },
        { "no slugs for any slug", "", "filter: {slugs: []}" },
        { "another search", "filter: {search: \"e\"}", "filter: {search: \"n\"}" },
        { "another asOf", "asOf: \"1\"", "asOf: \"2\"" },
        { "asOf left out", "asOf: \"2\"", "" },
        { "a day for a version", "asOf: \"2\"", "asOf: \"9999-12-31\"" },
    };

    [Theory]
    [MemberData(nameof(OtherQueries))]
    public async Task A_cursor_of_another_query_is_refused_with_BAD_CURSOR_on_both_paths(string change, string readWith, string sentWith)
    {
        _ = change;
        var cursor = await EndCursorAsync(servers.Resolvers, readWith);

        foreach (var (path, client) in new[] { ("compiled", servers.Compiled), ("resolvers", servers.Resolvers) })
        {
            using var response = await client.SendPostAsync(PageWith(sentWith), new { after = cursor });
            var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
            var body = await GraphQLClient.ReadAsync(response);
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.True(error.GetProperty("extensions").GetProperty("code").GetString() == "BAD_CURSOR", $"{path}: {body}");
            Assert.StartsWith("Argument \"after\" is not a cursor of this list", error.GetProperty("message").GetString());
            // The statement never pages with a cursor it cannot vouch for: the resolvers answer, with their error.
            Assert.Contains("desc=\"resolvers\"", timing);
        }
    }

    /// <summary>The arguments a cursor is read with, then the same filter or asOf written another way.</summary>
    public static TheoryData<string, string, string> SameQueries => new()
    {
        { "slugs in another order, one twice", "filter: {slugs: [\"render\", \"akash\", \"helium\"]}", "filter: {slugs: [\"akash\", \"helium\", \"render\", \"akash\"]}" },
        { "a search with white space around it", "filter: {search: \"e\"}", "filter: {search: \"  e \"}" },
        { "a search in capitals (it ignores case)", "filter: {search: \"e\"}", "filter: {search: \"E\"}" },
        { "a blank search", "", "filter: {search: \"  \"}" },
        { "an empty filter", "filter: {}", "filter: null" },
        { "the default order written out", "", "orderBy: {field: SLUG, direction: ASC}" },
        { "a version as a number", "asOf: \"1\"", "asOf: 1" },
    };

    [Theory]
    [MemberData(nameof(SameQueries))]
    public async Task A_cursor_pages_the_same_query_written_another_way_on_both_paths(string change, string readWith, string sentWith)
    {
        _ = change;
        var cursor = await EndCursorAsync(servers.Compiled, readWith);
        var expected = Slugs(await servers.Resolvers.DataAsync(PageWith(readWith), new { after = cursor }));

        foreach (var (path, client) in new[] { ("compiled", servers.Compiled), ("resolvers", servers.Resolvers) })
        {
            using var response = await client.SendPostAsync(PageWith(sentWith), new { after = cursor });
            var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
            var body = await GraphQLClient.ReadAsync(response);

            Assert.False(body.TryGetProperty("errors", out _), $"{path}: {body}");
            Assert.Equal(expected, Slugs(body.GetProperty("data")));
            Assert.Contains($"desc=\"{path}\"", timing);
        }
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task A_cursor_of_changes_is_bound_to_its_version_argument_and_asOf()
    {
        const string changes = "query ($after: String, $version: Int, $asOf: AsOf) { changes(version: $version, first: 2, after: $after, asOf: $asOf) { nodes { id } pageInfo { endCursor } } }";
        var cursor = (await servers.Resolvers.DataAsync(changes, new { version = 1 })).GetProperty("changes").GetProperty("pageInfo")
            .GetProperty("endCursor").GetString();

        var same = await servers.Resolvers.PostAsync(changes, new { version = 1, after = cursor });
        var otherVersion = await servers.Resolvers.PostAsync(changes, new { version = 2, after = cursor });
        var otherAsOf = await servers.Resolvers.PostAsync(changes, new { version = 1, after = cursor, asOf = "1" });

        Assert.False(same.TryGetProperty("errors", out _), same.ToString());
        foreach (var refused in new[] { otherVersion, otherAsOf })
            Assert.Equal("BAD_CURSOR", Assert.Single(refused.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>
    /// The trial's repro: a cursor of the newest data, then an import of a changed seed. REST answers that cursor
    /// invalid-cursor; GraphQL answered the next page of the new data, silently. A cursor pinned to a version by asOf
    /// still pages that version.
    /// </summary>
    [Fact]
    public async Task A_cursor_of_the_newest_data_is_refused_on_both_paths_once_an_import_made_newer_data()
    {
        var newest = await EndCursorAsync(servers.Compiled, "");
        var pinned = await EndCursorAsync(servers.Compiled, "asOf: \"2\"");
        var version = (await servers.Resolvers.DataAsync("{ meta { dataVersion } }")).GetProperty("meta").GetProperty("dataVersion").GetInt32();
        var pinnedPage = Slugs(await servers.Resolvers.DataAsync(PageWith("asOf: \"2\""), new { after = pinned }));

        // The seed as the fixture's first version had it: a third version, which undoes the second's changes.
        await servers.ImportAsync(RepositoryPaths.SeedData);

        var messages = new List<string>();
        foreach (var (path, client) in new[] { ("compiled", servers.Compiled), ("resolvers", servers.Resolvers) })
        {
            using var response = await client.SendPostAsync(Page, new { after = newest });
            var timing = string.Join(", ", response.Headers.GetValues("Server-Timing"));
            var body = await GraphQLClient.ReadAsync(response);
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.True(error.GetProperty("extensions").GetProperty("code").GetString() == "BAD_CURSOR", $"{path}: {body}");
            Assert.Contains("desc=\"resolvers\"", timing);
            messages.Add(error.GetProperty("message").GetString()!);

            var stillPinned = await client.DataAsync(PageWith("asOf: \"2\""), new { after = pinned });
            Assert.Equal(pinnedPage, Slugs(stillPinned));
        }
        Assert.Equal(messages[0], messages[1]);
        Assert.Contains($"data version {version}, and this request reads version {version + 1}: an import has made newer data", messages[0]);
    }

    private static string PageWith(string arguments) =>
        "query ($after: String) { projects(first: 2, after: $after" + (arguments.Length == 0 ? "" : ", " + arguments)
        + ") { nodes { slug } pageInfo { endCursor } } }";

    private static async Task<string> EndCursorAsync(GraphQLClient client, string arguments) =>
        (await client.DataAsync(PageWith(arguments), new { after = (string?)null })).GetProperty("projects").GetProperty("pageInfo")
        .GetProperty("endCursor").GetString()!;

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
