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
    public async Task A_cost_above_the_whole_burst_runs_from_a_positive_balance_into_debt_and_the_client_then_waits()
    {
        await using var api = Api();

        using var dear = await api.GetAsync("/test/charge?cost=20");

        // 10 points, 20 charged: 10 owed, refilled at 10 a minute.
        Assert.Equal(HttpStatusCode.OK, dear.StatusCode);
        Assert.Equal("0", Header(dear, "RateLimit-Remaining"));
        Assert.Equal("120", Header(dear, "RateLimit-Reset"));
        using (var refused = await api.GetAsync("/test/ok"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("61", Header(refused, "Retry-After"));
        }
        api.Clock.Advance(TimeSpan.FromSeconds(60));
        using (var atZero = await api.GetAsync("/test/ok"))
            Assert.Equal(HttpStatusCode.TooManyRequests, atZero.StatusCode);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        using var admitted = await api.GetAsync("/test/ok");
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal("0", Header(admitted, "RateLimit-Remaining"));
    }

    [Fact]
    public async Task A_cost_is_refused_only_when_the_clients_other_requests_spent_the_balance_and_then_charges_nothing()
    {
        await using var api = Api();
        var ledger = api.Services.GetRequiredService<RateLimitLedger>();
        var client = new ClientIdentity("ip:203.0.113.5", "client 203.0.113.5", PointsPerWindow: 10, BurstPoints: 10, ConcurrentRequests: 2);
        var (first, second) = (Admitted(ledger, client), Admitted(ledger, client));

        // Both were admitted (8 left); the first's cost of 12 takes the balance to -3...
        Assert.True((await ledger.ChargeRequestAsync(first, 12)).Admitted);
        // ...so the second, which paid 1 of a balance that is now below zero without it, is refused and pays no more.
        var refused = await ledger.ChargeRequestAsync(second, 3);

        Assert.False(refused.Admitted);
        Assert.Equal(1, refused.Status!.Charged);
        Assert.Equal(0, refused.Status.Remaining);
        // 3 points owed at 10 a minute: 18 s to zero, and a millisecond beyond.
        Assert.Equal(TimeSpan.FromMilliseconds(18_001), refused.RetryAfter);
        Assert.Equal("This request costs 3 points, and client 203.0.113.5's other requests have spent its budget " +
            "(10 points per 60 s, refilled continuously, at most 10 available at once). Requests are admitted again " +
            "once the balance is above zero, at 2026-01-15T12:00:19Z (in 19 s); the whole 10 points are back at " +
            "2026-01-15T12:01:18Z (in 78 s).", refused.Refusal);
        Assert.Equal(-3 * 60_000, ledger.Store.Peek(client, null).Balance);
    }

    private static DefaultHttpContext Admitted(RateLimitLedger ledger, ClientIdentity client)
    {
        var context = new DefaultHttpContext();
        var charge = new RequestCharge(client);
        context.Features.Set(charge);
        Assert.Equal(AdmissionOutcome.Admitted, ledger.Admit(charge, 1).Outcome);
        return context;
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
