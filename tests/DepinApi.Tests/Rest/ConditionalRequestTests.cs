using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// If-None-Match as RFC 9110 13.1.2 and 13.2.1 have it: "*" matches only a current representation,
/// a 304 never stands in for an error, comparison is weak, and a list matches when any tag does.
/// </summary>
public class ConditionalRequestTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("/v1/projects/no-such-project", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects/aethr", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/sources?asOf=99", HttpStatusCode.NotFound)]
    public async Task Star_never_turns_an_error_into_a_304(string url, HttpStatusCode status)
    {
        using var response = await SendAsync(url, "*");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/v1/projects/no-such-project", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects?limit=0", HttpStatusCode.BadRequest)]
    public async Task A_tag_computed_for_an_error_url_is_no_precondition(string url, HttpStatusCode status)
    {
        // What an unkeyed tag of this URL would be: version, URL, query, Accept and coding, hashed.
        var path = url.Split('?')[0];
        var query = url.Contains('?') ? "?" + url.Split('?')[1] : "";
        var representation = $"1\nhttp://localhost{path}\n{query}\n\nidentity";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(representation));
        var forged = $"\"v1-{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";

        using var response = await SendAsync(url, forged);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Star_on_an_existing_representation_is_a_304_with_its_tag()
    {
        using var plain = await api.Client.GetAsync("/v1/projects/helium?format=csv");
        using var response = await SendAsync("/v1/projects/helium?format=csv", "*");

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("{0}", HttpStatusCode.NotModified)]
    [InlineData("W/{0}", HttpStatusCode.NotModified)]
    [InlineData("\"v1-000000000000000000000000\", {0}", HttpStatusCode.NotModified)]
    [InlineData("\"v1-000000000000000000000000\",W/{0} , \"x\"", HttpStatusCode.NotModified)]
    [InlineData("\"v1-000000000000000000000000\"", HttpStatusCode.OK)]
    // "*" means "any" only alone; in a list the output cache (and so the API) compares the tags beside it.
    [InlineData("{0}, *", HttpStatusCode.NotModified)]
    [InlineData("\"v1-000000000000000000000000\", *", HttpStatusCode.OK)]
    // Unquoted: not an entity tag at all.
    [InlineData("garbage", HttpStatusCode.OK)]
    public async Task Tags_compare_weakly_and_a_list_matches_when_any_tag_does(string header, HttpStatusCode expected)
    {
        using var plain = await api.Client.GetAsync("/v1/sources");
        var etag = plain.Headers.ETag!.Tag;

        using var response = await SendAsync("/v1/sources", string.Format(header, etag));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Star_does_not_hide_a_database_outage()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>(RestApiFixture.Settings)
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
        });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/meta")).StatusCode);

        await TestPostgres.DropDatabaseAsync(connectionString);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/sources");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode >= 500, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await api.Client.SendAsync(request);
    }
}
