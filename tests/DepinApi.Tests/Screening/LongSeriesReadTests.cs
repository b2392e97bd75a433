using System.Text.Json;
using DepinApi.ReadModel;
using DepinApi.Screening;
using DepinApi.SectorAnalytics;
using DepinApi.Tests.Import;
using DepinApi.Tests.ReadModel;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.Screening;

/// <summary>A 20-day and a 20,000-day SYNTHETIC price series (<see cref="LongSeries"/>), each in a database of its own.</summary>
public sealed class LongSeriesFixture : IAsyncLifetime
{
    public ReadModelDatabase Short { get; private set; } = null!;
    public ReadModelDatabase Long { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Short = await LongSeries.CreateAsync(20);
        Long = await LongSeries.CreateAsync(20_000);
    }

    public async Task DisposeAsync()
    {
        await Short.DisposeAsync();
        await Long.DisposeAsync();
    }
}

/// <summary>
/// Sector analytics and screening read a bounded number of rows whatever the length of a price
/// series, give exactly what the whole series gives, and compute a report once per question.
/// </summary>
public sealed class LongSeriesReadTests(LongSeriesFixture series) : IClassFixture<LongSeriesFixture>
{
    [Fact]
    public async Task Sector_analytics_read_as_many_rows_for_20000_days_as_for_20()
    {
        var (shortRows, shortCommands) = await ReadByAsync(series.Short,
            (s, session) => new SectorAnalyticsService(s).AnalyseAsync(session, null, null, null, CancellationToken.None));
        var (longRows, longCommands) = await ReadByAsync(series.Long,
            (s, session) => new SectorAnalyticsService(s).AnalyseAsync(session, null, null, null, CancellationToken.None));

        Assert.Equal(shortRows, longRows);
        Assert.Equal(shortCommands, longCommands);
        // 2 projects, 2 revenue figures, the "depin" scope's 1 sector figure, 3 price rows: helium's 1 and the
        // 2 of akash's newest day with a price and a change
        Assert.Equal(8, longRows);
    }

    [Fact]
    public async Task Screening_reads_as_many_rows_for_20000_days_as_for_20()
    {
        var (shortRows, shortCommands) = await ReadByAsync(series.Short,
            (s, session) => new ScreeningService(s).RankedAsync(session, CancellationToken.None));
        var (longRows, longCommands) = await ReadByAsync(series.Long,
            (s, session) => new ScreeningService(s).RankedAsync(session, CancellationToken.None));

        Assert.Equal(shortRows, longRows);
        Assert.Equal(shortCommands, longCommands);
        Assert.True(longRows < 40, $"screening read {longRows} rows");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("compute")]
    public async Task Sector_analytics_are_those_of_the_whole_series(string? sector)
    {
        await using var session = await series.Long.OpenAsync();
        var report = await new SectorAnalyticsService(series.Long.Sessions).AnalyseAsync(session, sector, null, null, CancellationToken.None);

        // What the service computed before it read only the newest rows: every price of the sector.
        var projects = await session.ProjectsAsync(new ProjectQuery { Sector = sector }, CancellationToken.None);
        var slugs = projects.Select(p => p.Slug).ToList();
        var revenue = await session.RevenueAsync(new RevenueQuery { Projects = slugs }, CancellationToken.None);
        var prices = await session.TokenPricesAsync(new PriceQuery { Projects = slugs }, CancellationToken.None).ToListAsync();
        Assert.Equal(sector is null ? 20_003 : 20_002, prices.Count);
        var scope = SectorAnalyticsCalculator.ScopeOf(sector);
        var figures = scope is null ? [] : await session.SectorFiguresAsync(new FigureQuery { Projects = [scope] }, CancellationToken.None);
        var whole = SectorAnalyticsCalculator.Compute(new SectorAnalyticsData(sector, scope, projects, revenue, prices, figures),
            session.Version, null, null);

        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(report));
        // Day 3 has two priced rows with a change; the smaller id: 1.03 / (1 + 0.25) = 0.824
        var akash = report.ImpliedPrices.Single(p => p.Project == "akash");
        Assert.Equal(("akash-synthetic-2026-05-29-a", 0.824m), (akash.FigureId, akash.ImpliedPriceUsd));
    }

    [Fact]
    public async Task Screening_is_that_of_the_whole_series()
    {
        await using var session = await series.Long.OpenAsync();
        var ranked = await new ScreeningService(series.Long.Sessions).RankedAsync(session, CancellationToken.None);

        var loaded = await ScreeningDataLoader.LoadAsync(session, CancellationToken.None);
        var prices = (await session.TokenPricesAsync(new PriceQuery(), CancellationToken.None).ToListAsync()).ToLookup(p => p.Project);
        var whole = ScreeningCalculator.ScreenAll(loaded.Select(d => d with { Prices = prices[d.Project.Slug].ToList() }));

        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(ranked));
        // The rule's own choice over the whole series is among the rows read. Day 1 states the change
        // without a price, exactly and as "over": the exact one counts.
        foreach (var project in loaded)
            Assert.Equal(RevenuePriceDivergence.LatestYearChange(prices[project.Project.Slug])?.Id,
                RevenuePriceDivergence.LatestYearChange(project.Prices)?.Id);
        Assert.Equal("akash-synthetic-2026-05-31-change",
            RevenuePriceDivergence.LatestYearChange(loaded.Single(d => d.Project.Slug == "akash").Prices)?.Id);
    }

    [Fact]
    public async Task Thirty_identical_questions_in_one_session_compute_once()
    {
        using var service = new SectorAnalyticsService(series.Long.Sessions);
        await using var session = await series.Long.OpenAsync();
        var before = session.CommandCount;

        var reports = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            service.AnalyseAsync(session, "compute", null, null, CancellationToken.None)));

        Assert.Equal(1, service.Computations);
        Assert.All(reports, r => Assert.Same(reports[0], r));
        Assert.Equal(before + 4, session.CommandCount);

        // Another question is another computation; the first one is still kept.
        await service.AnalyseAsync(session, "compute", new Quarter(2025, 3), null, CancellationToken.None);
        await service.AnalyseAsync(session, "compute", null, null, CancellationToken.None);
        Assert.Equal(2, service.Computations);
    }

    [Fact]
    public async Task A_later_session_of_the_same_version_is_answered_from_memory()
    {
        using var service = new SectorAnalyticsService(series.Long.Sessions);
        var first = await service.AnalyseAsync((AsOf?)null, null, null, null, CancellationToken.None);
        await using var session = await series.Long.OpenAsync();
        var before = session.CommandCount;

        var second = await service.AnalyseAsync(session, null, null, null, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(before, session.CommandCount);
    }

    [Fact]
    public async Task Each_data_version_has_its_own_report()
    {
        await using var database = await ReadModelDatabase.CreateAsync();
        await database.ImportAsync(SeedFixture.Valid());
        await database.ImportAsync(SeedFixture.Valid()
            .Replace("token_prices.csv", "2026-06-01,0.7277,,,-0.7855,,src-one,\"HNT is $0.7277", "2026-06-01,0.8580,,,-0.7855,,src-one,\"HNT is $0.8580"));
        using var service = new SectorAnalyticsService(database.Sessions);

        var past = await service.AnalyseAsync(AsOf.ForVersion(1), null, null, null, CancellationToken.None);
        var current = await service.AnalyseAsync((AsOf?)null, null, null, null, CancellationToken.None);
        var pastAgain = await service.AnalyseAsync(AsOf.ForVersion(1), null, null, null, CancellationToken.None);

        // 0.7277 / 0.2145 = 3.39254079; 0.858 / 0.2145 = 4
        Assert.Equal((1, 3.39254079m), (past.DataVersion, past.ImpliedPrices.Single(p => p.Project == "helium").ImpliedPriceUsd));
        Assert.Equal((2, 4m), (current.DataVersion, current.ImpliedPrices.Single(p => p.Project == "helium").ImpliedPriceUsd));
        Assert.Same(past, pastAgain);
        Assert.Equal(2, service.Computations);
    }

    [Fact]
    public async Task No_reports_kept_computes_every_call()
    {
        using var service = new SectorAnalyticsService(series.Long.Sessions,
            Options.Create(new SectorAnalyticsOptions { CachedReports = 0 }));
        await using var session = await series.Long.OpenAsync();

        for (var i = 0; i < 3; i++)
            await service.AnalyseAsync(session, null, null, null, CancellationToken.None);

        Assert.Equal(3, service.Computations);
    }

    [Fact]
    public async Task At_most_the_configured_number_of_reports_is_kept()
    {
        using var service = new SectorAnalyticsService(series.Long.Sessions,
            Options.Create(new SectorAnalyticsOptions { CachedReports = 4 }));
        await using var session = await series.Long.OpenAsync();

        for (var year = 2000; year < 2040; year++)
            await service.AnalyseAsync(session, null, new Quarter(year, 1), null, CancellationToken.None);

        Assert.InRange(service.KeptReports, 1, 4);
    }

    private static async Task<(long Rows, int Commands)> ReadByAsync(ReadModelDatabase database,
        Func<ReadSessionFactory, ReadSession, Task> compute)
    {
        await using var session = await database.OpenAsync();
        var (rows, commands) = (session.RowsRead, session.CommandCount);
        await compute(database.Sessions, session);
        return (session.RowsRead - rows, session.CommandCount - commands);
    }
}
