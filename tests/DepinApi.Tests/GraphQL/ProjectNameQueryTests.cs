namespace DepinApi.Tests.GraphQL;

/// <summary><c>project(slug:)</c> takes the names REST redirects (symbol, name, name as a slug), compiled to SQL or resolved.</summary>
public class ProjectNameQueryTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Theory]
    [InlineData("helium", "helium")]
    [InlineData("HNT", "helium")]
    [InlineData("akash-network", "akash")]
    [InlineData("Render Network", "render")]
    [InlineData("io.net", "io-net")]
    public async Task Another_name_of_one_project_finds_it_with_its_canonical_slug(string name, string slug)
    {
        // Compiled to one SQL statement; with meta (never compiled) through the resolvers.
        var compiled = await api.Client.DataAsync($$"""{ project(slug: "{{name}}") { slug name } }""");
        var resolved = await api.Client.DataAsync($$"""{ project(slug: "{{name}}", asOf: "1") { slug name } meta { dataVersion } }""");

        Assert.Equal(slug, compiled.GetProperty("project").GetProperty("slug").GetString());
        Assert.Equal(slug, resolved.GetProperty("project").GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("""{ project(slug: "heliun") { slug } }""")]
    [InlineData("""{ project(slug: "heliun", asOf: "1") { slug } meta { dataVersion } }""")]
    public async Task An_unknown_name_is_null(string query)
    {
        var data = await api.Client.DataAsync(query);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("project").ValueKind);
    }
}
