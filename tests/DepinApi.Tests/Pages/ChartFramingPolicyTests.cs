using DepinApi.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace DepinApi.Tests.Pages;

/// <summary>
/// The security headers follow what a response is: an HTML page outside /docs and /graphql gets the figure pages'
/// strict policy and may not be framed; an SVG chart may be framed anywhere (the embed snippet's iframe) and runs
/// nothing; everything else keeps the API's policy.
/// </summary>
public sealed class ChartFramingPolicyTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        app = builder.Build();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.MapGet("/chart", () => Results.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml"));
        app.MapGet("/page", () => Results.Text("<!DOCTYPE html><p>page</p>", "text/html; charset=utf-8"));
        app.MapGet("/data", () => Results.Json(new { figure = 1 }));
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_chart_may_be_framed_by_any_site_and_runs_nothing()
    {
        using var response = await client.GetAsync("/chart");

        Assert.Equal(new SecurityHeadersOptions().ChartContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors *", Header(response, "Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_page_gets_the_strict_page_policy_and_may_not_be_framed()
    {
        using var response = await client.GetAsync("/page");

        Assert.Equal(new SecurityHeadersOptions().FigurePageContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Json_keeps_the_api_policy()
    {
        using var response = await client.GetAsync("/data");

        Assert.Equal(new SecurityHeadersOptions().ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
