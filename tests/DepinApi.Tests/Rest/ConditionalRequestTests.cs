using System.Net;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// If-None-Match as RFC 9110 13.1.2 and 13.2.1 have it: "*" matches only a current representation,
/// a 304 never stands in for an error, comparison is weak, a list matches when any tag does, and a value that does not
/// parse is ignored. If-Match as 13.1.1 has it, evaluated first (13.2.2): compared strongly, a 412 when no listed tag is
/// the current one, never in place of an error.
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
        using var response = await api.Client.SendWithHeadersAsync(url, ifNoneMatch: "*");

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

        using var response = await api.Client.SendWithHeadersAsync(url, ifNoneMatch: forged);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Star_on_an_existing_representation_is_a_304_with_its_tag()
    {
        using var plain = await api.Client.GetAsync("/v1/projects/helium?format=csv");
        using var response = await api.Client.SendWithHeadersAsync("/v1/projects/helium?format=csv", ifNoneMatch: "*");

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
    // "*" stands only alone (If-None-Match = "*" / #entity-tag): in a list the value does not parse, and is ignored.
    [InlineData("{0}, *", HttpStatusCode.OK)]
    [InlineData("\"v1-000000000000000000000000\", *", HttpStatusCode.OK)]
    // Empty list elements are allowed (RFC 9110 5.6.1).
    [InlineData(" , {0} ,", HttpStatusCode.NotModified)]
    // Unquoted: not an entity tag at all.
    [InlineData("garbage", HttpStatusCode.OK)]
    public async Task Tags_compare_weakly_and_a_list_matches_when_any_tag_does(string header, HttpStatusCode expected)
    {
        using var plain = await api.Client.GetAsync("/v1/sources");
        var etag = plain.Headers.ETag!.Tag;

        using var response = await api.Client.SendWithHeadersAsync("/v1/sources", ifNoneMatch: string.Format(header, etag));

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

    [Theory]
    [InlineData("/v1/sources?limit=3", "{0}{0}")]
    [InlineData("/v1/sources?limit=3", "{0} {0}")]
    [InlineData("/v1/sources?limit=3", "{0}x")]
    [InlineData("/openapi/v1.json", "{0}{0}")]
    [InlineData("/graphql?query=%7Bsectors%7Bsector%7D%7D", "{0}{0}")]
    public async Task A_malformed_if_none_match_is_ignored_whether_the_cache_or_the_endpoint_answers(string url, string header)
    {
        using var plain = await api.Client.GetAsync(url);
        var etag = plain.Headers.ETag!.ToString();

        foreach (var acceptEncoding in KeptAndBuilt)
        {
            using var response = await api.Client.SendWithHeadersAsync(url, ifNoneMatch: string.Format(header, etag), acceptEncoding: acceptEncoding);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("/v1/meta")]
    [InlineData("/v1/projects")]
    [InlineData("/v1/projects/helium?format=csv")]
    [InlineData("/v1/revenue/aethir-2025q2-quarterly-revenue?format=png")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/swagger-ui.css")]
    public async Task An_if_match_naming_no_current_tag_is_a_412_problem_for_get_and_head(string url)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            foreach (var acceptEncoding in KeptAndBuilt)
            {
                using var response = await api.Client.SendWithHeadersAsync(url, ifMatch: "\"nope\"", method: method, acceptEncoding: acceptEncoding);

                Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                // Nothing that would let a cache keep the 412 for requests without the If-Match: no tag, and no-store.
                Assert.Null(response.Headers.ETag);
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
                if (method == HttpMethod.Get)
                {
                    var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                    Assert.Equal("/problems/precondition-failed", problem.GetProperty("type").GetString());
                    Assert.Equal(412, problem.GetProperty("status").GetInt32());
                    Assert.Equal(url.Split('?')[0], problem.GetProperty("path").GetString());
                }
            }
        }
    }

    [Theory]
    [InlineData("{0}", HttpStatusCode.OK)]
    [InlineData("\"nope\", {0}", HttpStatusCode.OK)]
    [InlineData("*", HttpStatusCode.OK)]
    // If-Match compares strongly: a weak tag never matches.
    [InlineData("W/{0}", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"v1-000000000000000000000000\"", HttpStatusCode.PreconditionFailed)]
    // A value that does not parse is ignored, as for If-None-Match.
    [InlineData("\"nope\"\"nope\"", HttpStatusCode.OK)]
    public async Task If_match_compares_strongly_and_star_matches_what_exists(string header, HttpStatusCode expected)
    {
        using var plain = await api.Client.GetAsync("/v1/sources?limit=4");
        var etag = plain.Headers.ETag!.ToString();

        foreach (var acceptEncoding in KeptAndBuilt)
        {
            using var response = await api.Client.SendWithHeadersAsync("/v1/sources?limit=4", ifMatch: string.Format(header, etag), acceptEncoding: acceptEncoding);

            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.OK)
            {
                Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
                Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
            }
        }
    }

    [Theory]
    [InlineData("/v1/meta")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/swagger-ui.css")]
    public async Task An_if_match_naming_the_current_tag_is_answered_as_without_it(string url)
    {
        using var plain = await api.Client.GetAsync(url);

        using var response = await api.Client.SendWithHeadersAsync(url, ifMatch: "\"nope\", " + plain.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/v1/projects/no-such-project", HttpStatusCode.NotFound)]
    [InlineData("/v1/projects?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/sources?asOf=99", HttpStatusCode.NotFound)]
    public async Task A_failed_if_match_never_hides_an_error(string url, HttpStatusCode status)
    {
        using var response = await api.Client.SendWithHeadersAsync(url, ifMatch: "\"nope\"");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{0}", "{0}", HttpStatusCode.NotModified)]
    [InlineData("*", "{0}", HttpStatusCode.NotModified)]
    [InlineData("\"nope\"", "{0}", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"nope\"", "*", HttpStatusCode.PreconditionFailed)]
    public async Task If_match_is_evaluated_before_if_none_match(string ifMatch, string ifNoneMatch, HttpStatusCode expected)
    {
        using var plain = await api.Client.GetAsync("/v1/sources?limit=5");
        var etag = plain.Headers.ETag!.ToString();

        foreach (var acceptEncoding in KeptAndBuilt)
        {
            using var response = await api.Client.SendWithHeadersAsync("/v1/sources?limit=5", ifNoneMatch: string.Format(ifNoneMatch, etag), ifMatch: string.Format(ifMatch, etag),
                acceptEncoding: acceptEncoding);

            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_failed_if_match_is_answered_from_the_output_cache_once_built_and_never_for_other_requests()
    {
        const string url = "/v1/projects?sector=compute&limit=2";
        using var first = await api.Client.SendWithHeadersAsync(url, ifMatch: "\"nope\"");
        using var again = await api.Client.SendWithHeadersAsync(url, ifMatch: "\"other\"");
        using var plain = await api.Client.GetAsync(url);
        using var current = await api.Client.SendWithHeadersAsync(url, ifMatch: plain.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, first.StatusCode);
        Assert.False(CacheHits.IsHit(first));
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.True(CacheHits.IsHit(again));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.True(CacheHits.IsHit(current));
        // A kept 412 names no request's trace: it is given to every request whose If-Match fails there.
        using var firstProblem = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        using var againProblem = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.False(firstProblem.RootElement.TryGetProperty("traceId", out _));
        Assert.False(againProblem.RootElement.TryGetProperty("traceId", out _));
    }

    // The output cache keys on Accept-Encoding as sent, the tag on the coding chosen: "gzip;q=0" chooses none, as no
    // header does, so it gets the same tag from the endpoint itself while the plain request is answered from the cache.
    private static readonly string[] KeptAndBuilt = ["", "gzip;q=0"];

    [Theory]
    [InlineData("/v1")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/index.html")]
    [InlineData("/v1/projects/helium")]
    public async Task An_if_match_that_holds_leaves_if_none_match_to_answer_304(string url)
    {
        // RFC 9110 13.2.2: once If-Match holds, If-None-Match is evaluated; ASP.NET Core's file results let the first
        // override the second and sent the whole body.
        using var full = await api.Client.SendWithHeadersAsync(url);
        var tag = full.Headers.ETag!.ToString();

        using var both = await api.Client.SendWithHeadersAsync(url, ifNoneMatch: tag, ifMatch: tag);
        using var stars = await api.Client.SendWithHeadersAsync(url, ifNoneMatch: "*", ifMatch: "*");

        Assert.Equal(HttpStatusCode.NotModified, both.StatusCode);
        Assert.Equal(tag, both.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, stars.StatusCode);
    }
}
