using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DepinApi.Tests.Rest;

/// <summary>
/// A second data version imported under a running service: asOf serves the old data, /v1/changes
/// lists what changed, a renamed slug answers 308, and the output cache drops what it held.
/// </summary>
public sealed class VintageTests : IAsyncLifetime
{
    private string connectionString = "";
    private ApiFactory factory = null!;
    private HttpClient client = null!;
    private string cachedBeforeImport = "";
    private string cursorBeforeImport = "";
    private string pinnedCursorBeforeImport = "";
    private string todayCursorBeforeImport = "";
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        // Redirects are what some tests look at, so they are not followed.
        client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        cachedBeforeImport = await client.GetStringAsync("/v1/revenue/aethir-2025q2-quarterly-revenue");
        cursorBeforeImport = (await client.GetJsonAsync("/v1/projects?limit=2")).GetProperty("page").GetProperty("nextCursor").GetString()!;
        pinnedCursorBeforeImport = (await client.GetJsonAsync("/v1/projects?limit=2&asOf=1")).GetProperty("page").GetProperty("nextCursor").GetString()!;
        todayCursorBeforeImport = (await client.GetJsonAsync($"/v1/projects?limit=2&asOf={Today}")).GetProperty("page").GetProperty("nextCursor").GetString()!;

        // Version 2: Aethir's Q2 figure corrected, Render renamed from a former slug "rndr".
        var directory = SeedDataCopy.InNewTemporaryFolder("depin-rest-v2-");
        SecondDataVersion.ReviseFigure(directory);
        SecondDataVersion.AddFormerSlug(directory);
        await SecondDataVersion.ImportAsync(factory, connectionString, directory);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_cursor_of_the_newest_data_or_of_today_is_refused_once_an_import_made_newer_data_and_one_pinned_with_a_version_is_not()
    {
        // Its position is in the rows of version 1: in version 2's rows it could skip or repeat rows without a word.
        using var stale = await client.GetAsync($"/v1/projects?limit=2&cursor={Uri.EscapeDataString(cursorBeforeImport)}");
        // Today's end is still to come: the import made today changed what asOf=today reads, as it did the newest data.
        using var staleToday = await client.GetAsync($"/v1/projects?limit=2&asOf={Today}&cursor={Uri.EscapeDataString(todayCursorBeforeImport)}");
        using var pinned = await client.GetAsync($"/v1/projects?limit=2&asOf=1&cursor={Uri.EscapeDataString(pinnedCursorBeforeImport)}");

        foreach (var refused in new[] { stale, staleToday })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("/problems/invalid-cursor", problem.GetProperty("type").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, pinned.StatusCode);
    }

    [Fact]
    public async Task AsOf_serves_the_figure_as_the_earlier_version_had_it()
    {
        var now = await client.GetJsonAsync("/v1/revenue/aethir-2025q2-quarterly-revenue");
        var then = await client.GetJsonAsync("/v1/revenue/aethir-2025q2-quarterly-revenue?asOf=1");
        var byDate = await client.GetJsonAsync($"/v1/projects/aethir/revenue/2025Q2?asOf={DateTime.UtcNow:yyyy-MM-dd}");

        Assert.Equal(32_800_000m, now.GetProperty("data").GetProperty("amountUsd").GetDecimal());
        Assert.Equal(32_700_000m, then.GetProperty("data").GetProperty("amountUsd").GetDecimal());
        Assert.False(then.GetProperty("dataVersion").GetProperty("current").GetBoolean());
        Assert.EndsWith("?asOf=1", then.GetProperty("data").GetProperty("permalink").GetString());
        // A date means the end of that day: today includes version 2.
        Assert.Equal(2, byDate.GetProperty("dataVersion").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_output_cache_does_not_serve_a_response_from_before_the_import()
    {
        var after = await client.GetStringAsync("/v1/revenue/aethir-2025q2-quarterly-revenue");

        Assert.Contains("32700000", cachedBeforeImport);
        Assert.Contains("32800000", after);
    }

    [Fact]
    public async Task Changes_list_what_the_version_changed_with_a_url_into_it()
    {
        var body = await client.GetJsonAsync("/v1/changes?version=2");

        var changes = body.GetProperty("data").EnumerateArray().Select(c =>
            (Table: c.GetProperty("table").GetString(), Id: c.GetProperty("id").GetString(), Kind: c.GetProperty("kind").GetString())).ToList();
        Assert.Contains(("revenue", "aethir-2025q2-quarterly-revenue", "changed"), changes);
        Assert.Contains(("project_aliases", "rndr", "added"), changes);
        var revenue = body.GetProperty("data").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "aethir-2025q2-quarterly-revenue");
        Assert.EndsWith("/v1/revenue/aethir-2025q2-quarterly-revenue?asOf=2", revenue.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_former_slug_answers_308_with_the_new_url_and_the_query_kept()
    {
        using var response = await client.GetAsync("/v1/projects/rndr/revenue?metric=annualized_external_revenue&units=lin");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/v1/projects/render/revenue?metric=annualized_external_revenue&units=lin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Before_the_rename_the_former_slug_was_unknown()
    {
        using var response = await client.GetAsync("/v1/projects/rndr?asOf=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Meta_reports_the_new_version_and_its_history()
    {
        var meta = (await client.GetJsonAsync("/v1/meta")).GetProperty("data");

        Assert.Equal(2, meta.GetProperty("dataVersion").GetProperty("id").GetInt32());
        Assert.Equal(2, meta.GetProperty("versions").GetArrayLength());
        Assert.Equal(19, meta.GetProperty("counts").GetProperty("revenue").GetInt64());
        Assert.Equal(1, meta.GetProperty("counts").GetProperty("project_aliases").GetInt64());
        Assert.Equal(DepinApi.Screening.Methodology.Version, meta.GetProperty("methodologyVersion").GetString());
    }
}
