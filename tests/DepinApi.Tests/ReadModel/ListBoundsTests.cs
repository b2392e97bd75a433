using DepinApi.ReadModel;
using DepinApi.Tests.Import;

namespace DepinApi.Tests.ReadModel;

/// <summary>
/// The list bounds are the longest list in ANY data version (so they bound every asOf), not the newest version's
/// length and not every row ever written: a changed figure is one row in each version, though two in the table.
/// </summary>
public sealed class ListBoundsTests
{
    private static readonly int DefaultTimeout = new DepinApi.GraphQL.GraphQLApiOptions().ListBoundsTimeoutSeconds;

    [Fact]
    public async Task Each_bound_is_the_longest_list_over_every_version()
    {
        await using var database = await ReadModelDatabase.CreateAsync();
        await database.ImportAsync(SeedFixture.Valid());
        // The second version changes Helium's revenue figure, removes Akash's and adds a project.
        await database.ImportAsync(SeedFixture.Valid()
            .Replace("revenue.csv", "helium,2025Q3,quarterly_revenue,851700,", "helium,2025Q3,quarterly_revenue,900000,")
            .Replace("revenue.csv", "Helium earned $851700 in Q3 2025.", "Helium earned $900000 in Q3 2025.")
            .Replace("revenue.csv",
                "akash-2025q3-revenue,akash,2025Q3,quarterly_revenue,1200000.50,estimate,about,src-two,\"Akash earned about $1,200,000.50 in Q3 2025.\"\n",
                "")
            .Replace("projects.csv", "akash,Akash Network,", "render,Render,compute,Rendering,RENDER,Solana,,GPU rendering.\nakash,Akash Network,"));

        var bounds = await ListBounds.ReadAsync(database.DataSource, DefaultTimeout, CancellationToken.None);

        var revenue = new List<List<RevenueFigure>>();
        var projects = new List<int>();
        foreach (var version in new[] { 1, 2 })
        {
            await using var session = await database.OpenAsync(AsOf.ForVersion(version));
            revenue.Add(await session.RevenueAsync(new RevenueQuery(), CancellationToken.None));
            projects.Add((await session.ProjectsAsync(new ProjectQuery(), CancellationToken.None)).Count);
        }
        Assert.NotNull(bounds);
        Assert.Equal(2, bounds.Version);
        Assert.Equal(revenue.Max(r => r.Count), bounds.Revenue);
        Assert.Equal(revenue.Max(r => r.GroupBy(f => f.Project).Max(g => g.Count())), bounds.RevenuePerProject);
        Assert.Equal(projects.Max(), bounds.Projects);
        // The table holds more revenue rows than any version shows: the bound is not a row count.
        await using var rows = database.DataSource.CreateCommand("SELECT count(*) FROM revenue_figures");
        Assert.True(bounds.Revenue < (long)(await rows.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_empty_database_has_no_bounds()
    {
        await using var database = await ReadModelDatabase.CreateAsync();

        Assert.Null(await ListBounds.ReadAsync(database.DataSource, DefaultTimeout, CancellationToken.None));
    }
}
