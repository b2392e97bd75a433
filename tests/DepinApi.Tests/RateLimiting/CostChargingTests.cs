using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static DepinApi.Tests.RateLimiting.RateLimitResponseTests;

namespace DepinApi.Tests.RateLimiting;

/// <summary>Charging a request by its cost once it is known, as the GraphQL endpoint does through <see cref="IRateLimitLedger"/>.</summary>
public class CostChargingTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    private RateLimitedApi Api() => new(database.ConnectionString, RateLimitedApi.SmallLimits(
        ("RateLimiting:Anonymous:PointsPerWindow", "10")));

    [Fact]
    public async Task A_request_pays_its_total_cost_with_the_admission_point_counted_in()
    {
        await using var api = Api();

        using var response = await api.GetAsync("/test/charge?cost=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("charged").GetInt64());
        Assert.Equal(6, body.GetProperty("remaining").GetInt64());
        Assert.Equal("6", Header(response, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task Charging_the_same_total_again_charges_nothing_more()
    {
        await using var api = Api();

        using var response = await api.GetAsync("/test/charge?cost=4&repeat=3");

        Assert.Equal("6", Header(response, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_cost_the_window_cannot_pay_is_refused_charged_nothing_and_told_when_to_retry()
    {
        await using var api = Api();
        (await api.GetAsync("/test/charge?cost=8")).Dispose();
        api.Clock.Advance(TimeSpan.FromSeconds(15));

        using var response = await api.GetAsync("/test/charge?cost=3");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("45", Header(response, "Retry-After"));
        Assert.Equal("1", Header(response, "RateLimit-Remaining"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("admitted").GetBoolean());
        Assert.Equal(45, body.GetProperty("retryAfterSeconds").GetDouble());
        Assert.Equal("This request costs 3 points; client 192.0.2.1 has 1 of its 10 points per 60 s left. " +
            "The budget is restored at 2026-01-15T12:01:00Z (in 45 s).", body.GetProperty("refusal").GetString());
    }

    [Fact]
    public async Task A_cost_above_the_whole_budget_is_refused_without_a_retry_time()
    {
        await using var api = Api();

        using var response = await api.GetAsync("/test/charge?cost=11");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.False(response.Headers.Contains("Retry-After"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("retryAfterSeconds").ValueKind);
        Assert.Contains("more than the whole budget", body.GetProperty("refusal").GetString());
        Assert.Equal(9, body.GetProperty("remaining").GetInt64());
    }

    [Fact]
    public async Task The_refused_request_next_door_still_pays_only_its_admission_point()
    {
        await using var api = Api();
        (await api.GetAsync("/test/charge?cost=20")).Dispose();

        using var response = await api.GetAsync("/test/ok");

        Assert.Equal("8", Header(response, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_request_that_is_not_rate_limited_is_always_admitted_and_has_no_status()
    {
        await using var api = Api();
        var ledger = api.Services.GetRequiredService<IRateLimitLedger>();
        var context = new DefaultHttpContext();

        var charge = await ledger.ChargeRequestAsync(context, 1_000_000);

        Assert.True(charge.Admitted);
        Assert.Null(charge.Status);
        Assert.Null(ledger.GetStatus(context));
    }
}
