using System.Text.Json;

namespace DepinApi.Tests.GraphQL;

/// <summary>projects is a Relay cursor connection: first/after, at most 100 a page.</summary>
public class PaginationTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    private const string Page = """
        query($first: Int!, $after: String, $order: ProjectOrder) {
          projects(first: $first, after: $after, orderBy: $order) {
            totalCount
            edges { cursor node { slug name } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Theory]
    [InlineData("query($f: Int = 3) { projects(first: $f) { totalCount } }", "projects")]
    [InlineData("query($f: Int = 3) { changes(first: $f) { totalCount } }", "changes")]
    public async Task A_null_page_size_variable_is_the_fields_error_as_graphql_js_answers_it(string query, string field)
    {
        var body = await api.Client.PostAsync(query, new Dictionary<string, object?> { ["f"] = null });

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("Argument \"first\" of non-null type \"Int!\" must not be null.", error.GetProperty("message").GetString());
        Assert.Equal(field, Assert.Single(error.GetProperty("path").EnumerateArray()).GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Pages_of_three_walk_all_seven_projects_in_slug_order_without_repeats()
    {
        var slugs = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var connection = (await api.Client.DataAsync(Page, new { first = 3, after })).GetProperty("projects");
            pages++;
            Assert.Equal(7, connection.GetProperty("totalCount").GetInt32());
            Assert.Equal(after is not null, connection.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            slugs.AddRange(connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("slug").GetString()!));
            var pageInfo = connection.GetProperty("pageInfo");
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean()) break;
            after = pageInfo.GetProperty("endCursor").GetString();
        }

        Assert.Equal(3, pages);
        Assert.Equal(["aethir", "akash", "filecoin", "helium", "hivemapper", "io-net", "render"], slugs);
    }

    [Fact]
    public async Task Ordering_by_name_descending_pages_in_that_order()
    {
        var first = (await api.Client.DataAsync(Page, new { first = 2, order = new { field = "NAME", direction = "DESC" } })).GetProperty("projects");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await api.Client.DataAsync(Page, new { first = 2, after = cursor, order = new { field = "NAME", direction = "DESC" } })).GetProperty("projects");

        var names = first.GetProperty("edges").EnumerateArray().Concat(second.GetProperty("edges").EnumerateArray())
            .Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToList();
        // Names as a reader files them, ignoring case: "io.net" after "Render Network", across the page boundary.
        Assert.Equal(["Render Network", "io.net", "Hivemapper", "Helium"], names);
    }

    [Fact]
    public async Task More_than_one_hundred_a_page_is_refused_before_anything_runs()
    {
        var body = await api.Client.PostAsync("{ projects(first: 101) { nodes { slug } } }");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("PAGE_SIZE_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("100", error.GetProperty("message").GetString());
        Assert.False(body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_cursor_from_another_order_is_refused_with_an_error_naming_the_argument()
    {
        var bySlug = (await api.Client.DataAsync(Page, new { first = 1 })).GetProperty("projects");
        var cursor = bySlug.GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var body = await api.Client.PostAsync(Page, new { first = 1, after = cursor, order = new { field = "NAME", direction = "ASC" } });

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("BAD_CURSOR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("\"after\"", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var data = await api.Client.DataAsync("""{ projects(first: 10, filter: { sector: COMPUTE, search: "a" }) { nodes { slug sector } } }""");

        var nodes = data.GetProperty("projects").GetProperty("nodes").EnumerateArray().ToList();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal("COMPUTE", n.GetProperty("sector").GetString()));
    }

    [Fact]
    public async Task A_search_is_read_as_rest_reads_q_trimmed_and_blank_as_none()
    {
        static IEnumerable<string?> Slugs(JsonElement data) =>
            data.GetProperty("projects").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString());
        var all = Slugs(await api.Client.DataAsync("""{ projects(first: 50) { nodes { slug } } }""")).ToList();
        var helium = Slugs(await api.Client.DataAsync("""{ projects(first: 50, filter: { search: "helium" }) { nodes { slug } } }""")).ToList();

        Assert.Equal(all, Slugs(await api.Client.DataAsync("""{ projects(first: 50, filter: { search: "   " }) { nodes { slug } } }""")));
        Assert.Equal(helium, Slugs(await api.Client.DataAsync("""{ projects(first: 50, filter: { search: "  helium " }) { nodes { slug } } }""")));
        Assert.Equal(["helium"], helium);
    }

    [Fact]
    public async Task A_search_longer_than_rest_takes_is_an_invalid_argument_on_either_path()
    {
        var body = await api.Client.PostAsync($$"""{ projects(first: 5, filter: { search: "{{new string('a', 201)}}" }) { nodes { slug } } }""");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("search", error.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.Contains("201 characters long; at most 200", error.GetProperty("message").GetString());
        // 200 characters are searched (and match nothing).
        var data = await api.Client.DataAsync($$"""{ projects(first: 5, filter: { search: "{{new string('a', 200)}}" }) { nodes { slug } } }""");
        Assert.Empty(data.GetProperty("projects").GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task A_long_search_is_quoted_cut_in_the_errors_value()
    {
        // Cut at InvalidArgument.QuotedValueLength characters: a field error's quote stays within the bytes a point buys.
        var body = await api.Client.PostAsync($$"""{ projects(first: 5, filter: { search: "{{new string('a', 6_000)}}" }) { nodes { slug } } }""");

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(new string('a', 64) + "… (6,000 characters)", error.GetProperty("extensions").GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_negative_page_size_is_an_error()
    {
        var body = await api.Client.PostAsync("{ projects(first: -1) { nodes { slug } } }");

        Assert.Contains(GraphQLClient.Messages(body), m => m.Contains("\"first\""));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Theory]
    [InlineData("", "compiled")]
    // changes is answered by the resolvers, and with it the whole operation.
    [InlineData("changes(first: 0) { totalCount pageInfo { hasNextPage } }", "resolvers")]
    public async Task An_empty_page_says_whether_items_follow_it(string beside, string path)
    {
        var query = $$"""
            query($after: String) {
              projects(first: 0, after: $after) { totalCount edges { cursor } nodes { slug } pageInfo { hasNextPage endCursor } }
              {{beside}}
            }
            """;
        var last = (await api.Client.DataAsync("{ projects(first: 100) { pageInfo { endCursor } } }"))
            .GetProperty("projects").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        using var atStart = await api.Client.SendPostAsync(query);
        var start = (await GraphQLClient.ReadAsync(atStart)).GetProperty("data");
        var atEnd = await api.Client.DataAsync(query, new { after = last });

        Assert.Contains($"desc=\"{path}\"", Assert.Single(atStart.Headers.GetValues("Server-Timing")));
        var empty = start.GetProperty("projects");
        Assert.Equal(7, empty.GetProperty("totalCount").GetInt32());
        Assert.Empty(empty.GetProperty("edges").EnumerateArray());
        Assert.Empty(empty.GetProperty("nodes").EnumerateArray());
        // Relay's HasNextPage: seven projects follow an empty first page, none follow the last project.
        Assert.True(empty.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
        Assert.False(atEnd.GetProperty("projects").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        if (path == "resolvers") Assert.True(start.GetProperty("changes").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task A_page_size_variable_given_no_value_takes_the_arguments_default()
    {
        // $n has no value and no default, so first keeps its own default (20), as CoerceArgumentValues says.
        var data = await api.Client.DataAsync("query($n: Int) { projects(first: $n) { nodes { slug } } changes(first: $n) { totalCount } }");

        Assert.Equal(7, data.GetProperty("projects").GetProperty("nodes").GetArrayLength());
    }

    [Theory]
    [InlineData("\"5\"")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("null")]
    public async Task A_page_size_variable_that_does_not_coerce_is_named_not_taken_for_a_missing_page_size(string value)
    {
        using var content = new StringContent(
            $$$"""{"query":"query($n: Int!) { projects(first: $n) { totalCount } }","variables":{"n":{{{value}}}}}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await api.Client.Http.PostAsync("/graphql", content);
        var body = await GraphQLClient.ReadAsync(response);

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("Variable \"$n\"", error.GetProperty("message").GetString());
        Assert.Equal(0, body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt64());
    }
}
