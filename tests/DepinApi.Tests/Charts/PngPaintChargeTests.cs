using System.Globalization;
using System.Net;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Charts;

/// <summary>
/// Painting a PNG takes hundreds of times the CPU of an ordinary response, so it costs Rest:PngPaintPoints on top of
/// its bytes; an SVG, or a PNG served from the output cache, costs what any response of its size costs.
/// </summary>
public sealed class PngPaintChargeTests
{
    private const string Png = "/v1/projects/aethir/revenue?metric=quarterly_revenue&format=png";

    private static async Task<ApiFactory> StartAsync(int burst, int paintPoints)
    {
        var budget = burst.ToString(CultureInfo.InvariantCulture);
        return await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = budget,
            ["RateLimiting:Anonymous:BurstPoints"] = budget,
            // A day's window: nothing measurable refills while a test runs.
            ["RateLimiting:WindowSeconds"] = "86400",
            ["Rest:PngPaintPoints"] = paintPoints.ToString(CultureInfo.InvariantCulture),
        });
    }

    [Fact]
    public async Task A_painted_png_costs_its_paint_points_and_a_cached_one_or_an_svg_a_single_point()
    {
        await using var factory = await StartAsync(burst: 1_000, paintPoints: 20);
        using var client = factory.CreateClient();

        using var painted = await client.GetAsync(Png);
        Assert.Equal(HttpStatusCode.OK, painted.StatusCode);
        Assert.True((await painted.Content.ReadAsByteArrayAsync()).Length < 64 * 1024);
        Assert.Equal("21", Header(painted, "RateLimit-Cost"));
        Assert.Equal("979", Header(painted, "RateLimit-Remaining"));

        using var cached = await client.GetAsync(Png);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal("1", Header(cached, "RateLimit-Cost"));

        using var card = await client.GetAsync("/v1/revenue/aethir-2025q2-quarterly-revenue?format=png");
        Assert.Equal("21", Header(card, "RateLimit-Cost"));

        using var svg = await client.GetAsync("/v1/projects/aethir/revenue?metric=quarterly_revenue&format=svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("1", Header(svg, "RateLimit-Cost"));
    }

    [Fact]
    public async Task With_no_paint_points_a_png_is_charged_by_its_bytes()
    {
        await using var factory = await StartAsync(burst: 1_000, paintPoints: 0);
        using var client = factory.CreateClient();

        using var painted = await client.GetAsync(Png);
        Assert.Equal(HttpStatusCode.OK, painted.StatusCode);
        Assert.Equal("1", Header(painted, "RateLimit-Cost"));
    }

    [Fact]
    public async Task A_png_from_a_small_balance_is_sent_into_debt_and_the_next_request_waits()
    {
        await using var factory = await StartAsync(burst: 10, paintPoints: 20);
        using var client = factory.CreateClient();

        using var painted = await client.GetAsync(Png);
        Assert.Equal(HttpStatusCode.OK, painted.StatusCode);
        Assert.Equal("image/png", painted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", Header(painted, "RateLimit-Remaining"));

        using var next = await client.GetAsync("/v1/projects/aethir");
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
        // 11 points owed at 10 a day: the balance is above zero again in a little over a day.
        Assert.InRange(next.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 86400 * 1.1 - 120, 86400 * 1.1 + 120);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "(missing)";
}
