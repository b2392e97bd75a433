using DepinApi.ReadModel;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.ReadModel;

/// <summary>The repository's seed data, read back through the read model.</summary>
public sealed class SeedDataReadTests : IAsyncLifetime
{
    private ReadModelDatabase database = null!;
    private DepinApi.Import.ImportResult imported = null!;

    public async Task InitializeAsync()
    {
        database = await ReadModelDatabase.CreateAsync();
        imported = await database.Importer.ImportAsync(RepositoryPaths.SeedData, CancellationToken.None);
        Assert.True(imported.Succeeded, string.Join(Environment.NewLine, imported.Errors));
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Counts_every_imported_row_of_every_file()
    {
        await using var session = await database.OpenAsync();
        var counts = await session.CountsAsync(CancellationToken.None);
        Assert.Equal(imported.Counts.Keys.Order(), counts.Keys.Order());
        foreach (var (file, written) in imported.Counts)
            Assert.True(written.Added == counts[file], $"{file}: imported {written.Added}, read {counts[file]}");
    }

    [Fact]
    public async Task A_revenue_figure_comes_with_its_source_and_quote()
    {
        await using var session = await database.OpenAsync();
        var figures = await session.RevenueAsync(new RevenueQuery
        {
            Projects = ["aethir"],
            Metrics = ["annualized_run_rate"],
            From = new Quarter(2025, 3),
            To = new Quarter(2025, 3),
        }, CancellationToken.None);

        var figure = Assert.Single(figures);
        Assert.Equal("aethir-2025q3-annualized-run-rate", figure.Id);
        Assert.Equal(166_000_000m, figure.AmountUsd);
        Assert.Equal("disclosed", figure.Basis);
        Assert.Equal("blockeden-early-2026", figure.Source.Id);
        Assert.Equal("early 2026", figure.Source.PublishedLabel);
        Assert.Contains("$166 million by Q3", figure.Quote);
    }

    [Fact]
    public async Task Price_pages_joined_by_their_keyset_equal_the_whole_series()
    {
        await using var session = await database.OpenAsync();
        var whole = await session.TokenPricesAsync(new PriceQuery(), CancellationToken.None).ToListAsync();
        var paged = new List<TokenPrice>();
        PriceQuery query = new() { Limit = 3 };
        while (true)
        {
            var page = await session.TokenPricesAsync(query, CancellationToken.None).ToListAsync();
            paged.AddRange(page);
            if (page.Count < 3)
                break;
            query = query with { After = (page[^1].Project, page[^1].Date, page[^1].Id) };
        }
        Assert.Equal(whole.Select(p => p.Id), paged.Select(p => p.Id));
    }

    [Theory]
    [InlineData("helium")]
    [InlineData("akash")]
    public async Task One_projects_price_pages_joined_by_their_keyset_equal_its_series(string project)
    {
        await using var session = await database.OpenAsync();
        var whole = await session.TokenPricesAsync(new PriceQuery { Projects = [project] }, CancellationToken.None).ToListAsync();
        var paged = new List<TokenPrice>();
        PriceQuery query = new() { Projects = [project], Limit = 1 };
        while (true)
        {
            var page = await session.TokenPricesAsync(query, CancellationToken.None).ToListAsync();
            paged.AddRange(page);
            if (page.Count < 1)
                break;
            query = query with { After = (page[^1].Project, page[^1].Date, page[^1].Id) };
        }
        Assert.NotEmpty(whole);
        Assert.All(whole, price => Assert.Equal(project, price.Project));
        Assert.Equal(whole.Select(p => p.Id), paged.Select(p => p.Id));
    }

    [Fact]
    public async Task Latest_prices_skip_rows_that_state_only_a_change()
    {
        await using var session = await database.OpenAsync();
        var latest = await session.LatestTokenPricesAsync(null, null, CancellationToken.None);
        Assert.All(latest, price => Assert.NotNull(price.PriceUsd));
        Assert.Equal(latest.Select(p => p.Project).Distinct().Count(), latest.Count);
        Assert.Equal(0.7277m, latest.Single(p => p.Project == "helium").PriceUsd);
    }

    [Fact]
    public async Task Projects_filter_search_sort_and_page()
    {
        await using var session = await database.OpenAsync();
        var compute = await session.ProjectsAsync(new ProjectQuery { Sector = "compute" }, CancellationToken.None);
        Assert.All(compute, p => Assert.Equal("compute", p.Sector));
        Assert.Contains(compute, p => p.Slug == "akash");

        var searched = await session.ProjectsAsync(new ProjectQuery { Search = "HNT" }, CancellationToken.None);
        Assert.Equal("helium", Assert.Single(searched).Slug);

        var byNameDescending = await session.ProjectsAsync(new ProjectQuery { Sort = ProjectSort.Name, Descending = true },
            CancellationToken.None);
        // As a reader files names, ignoring case: "io.net" between "Hivemapper" and "Render Network", not after it.
        Assert.Equal(["Render Network", "io.net", "Hivemapper", "Helium", "Filecoin", "Akash Network", "Aethir"],
            byNameDescending.Select(p => p.Name));

        var firstTwo = byNameDescending.Take(2).ToList();
        var rest = await session.ProjectsAsync(new ProjectQuery
        {
            Sort = ProjectSort.Name,
            Descending = true,
            After = (firstTwo[^1].Name, firstTwo[^1].Slug),
        }, CancellationToken.None);
        Assert.Equal(byNameDescending.Skip(2).Select(p => p.Slug), rest.Select(p => p.Slug));
    }

    [Fact]
    public async Task Figures_can_be_listed_by_the_source_they_cite()
    {
        await using var session = await database.OpenAsync();
        foreach (var source in await session.SourcesAsync(CancellationToken.None))
        {
            var revenue = await session.RevenueAsync(new RevenueQuery { SourceId = source.Id }, CancellationToken.None);
            var metrics = await session.NetworkMetricsAsync(new FigureQuery { SourceId = source.Id }, CancellationToken.None);
            Assert.All(revenue, f => Assert.Equal(source.Id, f.Source.Id));
            Assert.All(metrics, f => Assert.Equal(source.Id, f.Source.Id));
        }
        Assert.Null(await session.SourceAsync("no-such-source", CancellationToken.None));
    }

    [Fact]
    public async Task Counts_one_command_per_query()
    {
        await using var session = await database.OpenAsync();
        var before = session.CommandCount;
        await session.ProjectsAsync(new ProjectQuery(), CancellationToken.None);
        await session.SettlementMixAsync(new FigureQuery(), CancellationToken.None);
        await session.SectorFiguresAsync(new FigureQuery { Projects = ["depin"] }, CancellationToken.None);
        Assert.Equal(before + 3, session.CommandCount);
    }

    [Fact]
    public async Task Concurrent_callers_share_a_session_safely()
    {
        await using var session = await database.OpenAsync();
        var calls = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? (Task)session.RevenueAsync(new RevenueQuery(), CancellationToken.None)
            : session.NetworkMetricsAsync(new FigureQuery(), CancellationToken.None));
        await Task.WhenAll(calls);
    }
}
