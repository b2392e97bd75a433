using System.Net;
using DepinApi.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DepinApi.Tests.Security;

/// <summary>HSTS and the HTTPS redirect: off by default, on with Security:Https:Enabled for deployment behind TLS.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task Off_by_default_plain_http_is_served_and_no_hsts_is_sent()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync());
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://api.example.org"), AllowAutoRedirect = false });
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.example.org"), AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.False((await https.GetAsync("/healthz")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task When_enabled_http_is_redirected_and_https_answers_carry_hsts()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Security:Https:Enabled"] = "true",
            ["Security:Https:HstsMaxAgeDays"] = "365",
        });
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://api.example.org"), AllowAutoRedirect = false });
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.example.org"), AllowAutoRedirect = false });

        var redirect = await http.GetAsync("/healthz?x=1");
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("https://api.example.org/healthz?x=1", redirect.Headers.Location?.ToString());

        var secure = await https.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", SecurityHeadersTests.Header(secure, "Strict-Transport-Security"));
    }
}
