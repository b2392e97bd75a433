using System.Globalization;
using System.Net;
using DepinApi.ReadModel;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// A figure search reads every figure its project filter allows, once more per word and once more with a metric or
/// period filter, however short the page it returns; with a long (labelled synthetic) price series in the data, it is
/// charged a point per Rest:SearchFigureReadsPerPoint of those reads, before it runs.
/// </summary>
public sealed class FigureSearchChargeTests : IAsyncLifetime
{
    private const int ReadsPerPoint = 4000;
    private ApiFactory factory = null!;
    private HttpClient client = null!;
    private long figures;
    private long heliumFigures;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:ImportSeedWhenEmpty"] = "true",
            ["Database:SeedDirectory"] = RepositoryPaths.SeedData,
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Anonymous:PointsPerWindow"] = "100000",
            ["RateLimiting:Anonymous:BurstPoints"] = "100000",
            ["RateLimiting:WindowSeconds"] = "86400",
            ["Rest:OutputCacheEnabled"] = "false",
            ["Rest:SearchFigureReadsPerPoint"] = ReadsPerPoint.ToString(CultureInfo.InvariantCulture),
        });
        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();
        await SyntheticSeries.AddAsync(connectionString, "helium", 20_000);
        // The series was added after the start, in the version the start read: the bounds are read again for it.
        factory.Services.GetRequiredService<CurrentListBounds>().Value = await ListBounds.ReadAsync(dataSource, 30, CancellationToken.None);
        figures = await CountAsync(dataSource, null);
        heliumFigures = await CountAsync(dataSource, "helium");
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_search_over_every_figure_costs_a_point_per_started_reads_of_them_whatever_it_returns()
    {
        Assert.True(figures > 20_000, $"only {figures} figures");

        Assert.Equal(1 + (figures * 1 / ReadsPerPoint), await CostAsync("/v1/figures"));
        Assert.Equal(1 + (figures * 2 / ReadsPerPoint), await CostAsync("/v1/figures?q=nothing-says-this"));
        Assert.Equal(1 + (figures * 9 / ReadsPerPoint), await CostAsync("/v1/figures?q=a+b+c+d+e+f+g+h"));
        // A filter that matches nothing is checked against every figure once more, to tell a misspelling (400).
        Assert.Equal(1 + (figures * 2 / ReadsPerPoint), await CostAsync("/v1/figures?period=2099-01-01", HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_search_within_projects_is_charged_by_what_those_projects_can_hold()
    {
        // Akash has a few seed figures, far fewer than the reads a point buys; helium holds the long series.
        Assert.Equal(1, await CostAsync("/v1/figures?project=akash&q=revenue"));
        var helium = await CostAsync("/v1/figures?project=helium&q=price");
        Assert.InRange(helium, 1 + (heliumFigures * 2 / ReadsPerPoint), 1 + (figures * 2 / ReadsPerPoint));
        Assert.True(helium > 10, $"helium's search cost {helium}");
    }

    private async Task<long> CostAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return long.Parse(string.Join(",", response.Headers.GetValues("RateLimit-Cost")), CultureInfo.InvariantCulture);
    }

    // The figures of the newest version, counted directly: what the bounds must add up to with one version.
    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string? project)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT (SELECT count(*) FROM revenue_figures WHERE valid_to IS NULL AND (@p IS NULL OR project = @p))
                 + (SELECT count(*) FROM settlement_mix WHERE valid_to IS NULL AND (@p IS NULL OR project = @p))
                 + (SELECT count(*) FROM token_prices WHERE valid_to IS NULL AND (@p IS NULL OR project = @p))
                 + (SELECT count(*) FROM network_metrics WHERE valid_to IS NULL AND (@p IS NULL OR project = @p))
                 + (SELECT count(*) FROM sector_figures WHERE valid_to IS NULL AND @p IS NULL)
            """);
        command.Parameters.Add(new NpgsqlParameter<string?>("p", project) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
