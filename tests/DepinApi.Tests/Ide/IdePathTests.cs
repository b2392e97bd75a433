using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Ide;

/// <summary>The IDE follows the GraphQL endpoint when GraphQL:Path moves it.</summary>
public class IdePathTests
{
    [Fact]
    public async Task With_GraphQL_Path_set_the_page_and_its_assets_move_with_the_endpoint()
    {
        await using var factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["GraphQL:Path"] = "/api/graphql",
            ["RateLimiting:Enabled"] = "false",
        });
        var client = factory.CreateClient();

        using var page = new HttpRequestMessage(HttpMethod.Get, "/api/graphql");
        page.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");
        var html = await (await client.SendAsync(page)).Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/api/graphql/ide/ide-[0-9a-f]+\\.js)\"");
        Assert.True(script.Success, html);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(script.Groups[1].Value)).StatusCode);

        var result = await client.GetFromJsonAsync<JsonElement>("/api/graphql?query=%7B__typename%7D");
        Assert.Equal("Query", result.GetProperty("data").GetProperty("__typename").GetString());
    }
}
