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
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal), names);
        Assert.Equal(4, names.Distinct().Count());
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
    public async Task A_negative_page_size_is_an_error()
    {
        var body = await api.Client.PostAsync("{ projects(first: -1) { nodes { slug } } }");

        Assert.Contains(GraphQLClient.Messages(body), m => m.Contains("\"first\""));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }
}
