using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// A response whose asOf pins an older data version number cannot change, so an import leaves its tag alone and
/// If-None-Match keeps answering 304 before any query; what can still change keeps following the newest version: the
/// newest version pinned (it says current: true until the next import), a day, a page (it says whether the figure was
/// revised since).
/// </summary>
public sealed class PinnedVersionTagTests : IAsyncLifetime
{
    private const string Figure = "/v1/revenue/" + SecondDataVersion.RevisedFigure;
    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly (string Url, string? Accept)[] Pinned =
    [
        (Figure + "?asOf=1", null),
        ("/v1/projects/aethir/revenue?asOf=1&format=csv", null),
        ("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg&asOf=1", null),
        ("/v1/meta?asOf=1", null),
    ];

    private static readonly (string Url, string? Accept)[] Following =
    [
        (Figure + "?asOf=2", null),
        (Figure + "?asOf=" + Today, null),
        (Figure + "?asOf=1", Browser),
        (Figure, null),
    ];

    private string connectionString = "";
    private ApiFactory factory = null!;
    private HttpClient client = null!;
    private readonly Dictionary<(string, string?), (string Tag, byte[] Body)> beforeImport = [];

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/meta")).StatusCode);
        // Version 2 revises a figure; version 3, made after the tags are read, adds a former slug of Render.
        var directory = SeedDataCopy.InNewTemporaryFolder("depin-pinned-tags-");
        SecondDataVersion.ReviseFigure(directory);
        await SecondDataVersion.ImportAsync(factory, connectionString, directory);
        foreach (var request in Pinned.Concat(Following))
        {
            using var response = await GetAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            beforeImport[request] = (response.Headers.ETag!.ToString(), await response.Content.ReadAsByteArrayAsync());
        }
        SecondDataVersion.AddFormerSlug(directory);
        await SecondDataVersion.ImportAsync(factory, connectionString, directory);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_pinned_older_version_keeps_its_tag_and_its_304_needs_no_query_after_an_import()
    {
        foreach (var request in Pinned)
        {
            var (tag, body) = beforeImport[request];
            Assert.StartsWith("\"v1-", tag);

            using var sent = new SentCommands(connectionString);
            using var revalidated = await GetAsync(request, ifNoneMatch: tag);
            Assert.True(revalidated.StatusCode == HttpStatusCode.NotModified, $"{request.Url}: {(int)revalidated.StatusCode}");
            Assert.Equal(tag, revalidated.Headers.ETag?.ToString());
            Assert.Equal(0, sent.Count);

            using var again = await GetAsync(request, ifMatch: tag);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(tag, again.Headers.ETag?.ToString());
            Assert.Equal(body, await again.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task What_an_import_can_change_gets_a_new_tag()
    {
        foreach (var request in Following)
        {
            using var now = await GetAsync(request, ifNoneMatch: beforeImport[request].Tag);

            Assert.True(now.StatusCode == HttpStatusCode.OK, $"{request.Url} ({request.Accept}): {(int)now.StatusCode}");
            Assert.NotEqual(beforeImport[request].Tag, now.Headers.ETag?.ToString());
        }
    }

    private async Task<HttpResponseMessage> GetAsync((string Url, string? Accept) target, string? ifNoneMatch = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        if (target.Accept is not null) request.Headers.TryAddWithoutValidation("Accept", target.Accept);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }
}
