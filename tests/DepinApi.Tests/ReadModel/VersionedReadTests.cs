using DepinApi.Domain;
using DepinApi.ReadModel;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.ReadModel;

/// <summary>
/// Two imports of the small fixture: the second changes Helium's revenue, removes Akash's and
/// adds a third project. Every past version must stay readable exactly as it was.
/// </summary>
public sealed class VersionedReadTests : IAsyncLifetime
{
    private ReadModelDatabase database = null!;

    private static SeedFixture Second() => SeedFixture.Valid()
        .Replace("revenue.csv", "helium,2025Q3,quarterly_revenue,851700,", "helium,2025Q3,quarterly_revenue,900000,")
        .Replace("revenue.csv", "Helium earned $851700 in Q3 2025.", "Helium earned $900000 in Q3 2025.")
        .Replace("revenue.csv",
            "akash-2025q3-revenue,akash,2025Q3,quarterly_revenue,1200000.50,estimate,about,src-two,\"Akash earned about $1,200,000.50 in Q3 2025.\"\n",
            "")
        .Replace("projects.csv", "akash,Akash Network,", "render,Render,compute,Rendering,RENDER,Solana,,GPU rendering.\nakash,Akash Network,");

    public async Task InitializeAsync()
    {
        database = await ReadModelDatabase.CreateAsync();
        await database.ImportAsync(SeedFixture.Valid());
        await database.ImportAsync(Second());
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_newest_version_is_read_by_default()
    {
        await using var session = await database.OpenAsync();
        Assert.Equal(2, session.Version.Id);
        Assert.True(session.IsCurrent);
        var revenue = await session.RevenueAsync(new RevenueQuery(), CancellationToken.None);
        Assert.Equal(900000m, Assert.Single(revenue).AmountUsd);
        Assert.Contains((await session.ProjectsAsync(new ProjectQuery(), CancellationToken.None)), p => p.Slug == "render");
    }

    [Fact]
    public async Task A_past_version_reads_as_it_was()
    {
        await using var session = await database.OpenAsync(AsOf.ForVersion(1));
        Assert.Equal(1, session.Version.Id);
        Assert.False(session.IsCurrent);
        var revenue = await session.RevenueAsync(new RevenueQuery(), CancellationToken.None);
        Assert.Equal([("akash", 1200000.50m), ("helium", 851700m)], revenue.Select(f => (f.Project, f.AmountUsd)));
        Assert.DoesNotContain(await session.ProjectsAsync(new ProjectQuery(), CancellationToken.None), p => p.Slug == "render");
        Assert.Equal(2, (await session.CountsAsync(CancellationToken.None))["projects"]);
        Assert.Single(await session.VersionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Today_names_the_newest_version_and_a_day_before_the_first_import_names_none()
    {
        await using (var today = await database.OpenAsync(AsOf.ForDate(DateOnly.FromDateTime(DateTime.UtcNow))))
            Assert.Equal(2, today.Version.Id);

        var tooEarly = await Assert.ThrowsAsync<DataVersionNotFoundException>(
            () => database.OpenAsync(AsOf.ForDate(new DateOnly(2001, 1, 1))));
        Assert.Contains("first data version was imported on", tooEarly.Message);
    }

    [Fact]
    public async Task An_unknown_version_says_which_exist()
    {
        var error = await Assert.ThrowsAsync<DataVersionNotFoundException>(() => database.OpenAsync(AsOf.ForVersion(7)));
        Assert.Equal("Data version 7 does not exist; versions 1 to 2 do.", error.Message);
    }

    [Fact]
    public async Task Changes_say_what_each_version_added_changed_and_removed()
    {
        await using var session = await database.OpenAsync();
        var second = await session.ChangesAsync(new ChangeQuery { Version = 2 }, CancellationToken.None);
        Assert.Equal(
            [("projects", "render", "added"), ("revenue", "akash-2025q3-revenue", "removed"), ("revenue", "helium-2025q3-revenue", "changed")],
            second.Select(c => (c.Table, c.Id, c.Kind)));
        // The kinds the SQL writes are the vocabulary GraphQL's ChangeKind enum exposes, every one of them.
        Assert.Equal(Vocabularies.ChangeKind.Values.Order(), second.Select(c => c.Kind).Distinct().Order());

        var all = await session.ChangesAsync(new ChangeQuery(), CancellationToken.None);
        Assert.All(all.Where(c => c.Version == 1), c => Assert.Equal("added", c.Kind));
        Assert.Equal(all.Where(c => c.Version == 2), second);

        var afterFirstTwo = await session.ChangesAsync(new ChangeQuery { After = (all[1].Version, all[1].Table, all[1].Id) }, CancellationToken.None);
        Assert.Equal(all.Skip(2), afterFirstTwo);

        await using var past = await database.OpenAsync(AsOf.ForVersion(1));
        Assert.DoesNotContain(await past.ChangesAsync(new ChangeQuery(), CancellationToken.None), c => c.Version == 2);

        // The totals GraphQL's totalCount gives, counted in Postgres: the lists' lengths, a changed row counted once.
        Assert.Equal(all.Count, await session.CountChangesAsync(null, CancellationToken.None));
        Assert.Equal(second.Count, await session.CountChangesAsync(2, CancellationToken.None));
        Assert.Equal(all.Count(c => c.Version == 1), await session.CountChangesAsync(1, CancellationToken.None));
        Assert.Equal(all.Count(c => c.Version == 1), await past.CountChangesAsync(null, CancellationToken.None));
        Assert.Equal(0, await past.CountChangesAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task A_page_of_changes_after_any_change_is_the_next_ones_across_tables_and_versions()
    {
        // Each table's rows are read from the cursor on by an index of their own, so every kind of boundary is
        // checked: the cursor's own table, tables named before and after it, and the step to the next version.
        await using var session = await database.OpenAsync();
        var all = await session.ChangesAsync(new ChangeQuery(), CancellationToken.None);
        Assert.True(all.Select(c => c.Table).Distinct().Count() > 2 && all.Any(c => c.Version == 2));
        for (var i = 0; i < all.Count; i++)
        {
            var page = await session.ChangesAsync(new ChangeQuery { After = (all[i].Version, all[i].Table, all[i].Id), Limit = 3 },
                CancellationToken.None);
            Assert.Equal(all.Skip(i + 1).Take(3), page);
        }
        Assert.Equal(all.Take(3), await session.ChangesAsync(new ChangeQuery { Limit = 3 }, CancellationToken.None));
    }

    [Fact]
    public async Task Versions_carry_the_import_summary()
    {
        await using var session = await database.OpenAsync();
        var versions = await session.VersionsAsync(CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Id));
        Assert.Equal(1, versions[1].Summary["revenue"]["changed"]);
        Assert.Equal(1, versions[1].Summary["revenue"]["removed"]);
    }
}
