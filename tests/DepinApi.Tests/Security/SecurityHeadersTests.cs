using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Security;

/// <summary>Every response carries the hardening headers, errors included, and names no server software.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.Fixture fixture) : IClassFixture<SecurityHeadersTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Factory { get; private set; } = null!;
        public async Task InitializeAsync() => Factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/no-such-path")]
    [InlineData("/v1/projects?limit=abc")]
    public async Task Api_responses_carry_the_headers_and_a_policy_that_loads_nothing(string path)
    {
        using var client = fixture.Factory.CreateClient();
        var response = await client.GetAsync(path);

        AssertHardened(response);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/graphql")]
    public async Task Html_pages_get_the_page_policy_without_inline_script_or_eval(string path)
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);

        AssertHardened(response);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy);
    }

    [Fact]
    public async Task A_sane_request_id_is_echoed_and_anything_else_replaced()
    {
        using var client = fixture.Factory.CreateClient();
        using var sane = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        sane.Headers.Add("X-Request-Id", "proxy-7f3a.42");
        Assert.Equal("proxy-7f3a.42", Header(await client.SendAsync(sane), "X-Request-Id"));

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "x\" injected=\"1 " + new string('a', 100));
        var replaced = Header(await client.SendAsync(hostile), "X-Request-Id");
        Assert.DoesNotContain("injected", replaced);
        Assert.NotEmpty(replaced);
    }

    [Fact]
    public async Task Each_request_gets_its_own_id()
    {
        using var client = fixture.Factory.CreateClient();
        var first = Header(await client.GetAsync("/healthz"), "X-Request-Id");
        var second = Header(await client.GetAsync("/healthz"), "X-Request-Id");
        Assert.NotEqual(first, second);
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.NotEmpty(Header(response, "X-Request-Id"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} response to {response.RequestMessage?.RequestUri} lacks {name}");
}
