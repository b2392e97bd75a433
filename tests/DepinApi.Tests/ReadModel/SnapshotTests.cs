using DepinApi.ReadModel;
using DepinApi.Tests.Import;

namespace DepinApi.Tests.ReadModel;

/// <summary>A session opened before an import commits keeps reading the version it started on.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task An_import_during_a_session_does_not_leak_into_it()
    {
        await using var database = await ReadModelDatabase.CreateAsync();
        await database.ImportAsync(SeedFixture.Valid());

        await using var session = await database.OpenAsync();
        await database.ImportAsync(SeedFixture.Valid()
            .Replace("revenue.csv", "helium,2025Q3,quarterly_revenue,851700,", "helium,2025Q3,quarterly_revenue,900000,")
            .Replace("revenue.csv", "Helium earned $851700 in Q3 2025.", "Helium earned $900000 in Q3 2025."));

        Assert.Equal(1, session.Version.Id);
        var during = await session.RevenueAsync(new RevenueQuery { Projects = ["helium"] }, CancellationToken.None);
        Assert.Equal(851700m, Assert.Single(during).AmountUsd);

        await using var after = await database.OpenAsync();
        Assert.Equal(2, after.Version.Id);
        Assert.Equal(900000m, Assert.Single(await after.RevenueAsync(new RevenueQuery { Projects = ["helium"] }, CancellationToken.None)).AmountUsd);
    }

    [Fact]
    public async Task An_empty_database_has_no_version_to_read()
    {
        await using var database = await ReadModelDatabase.CreateAsync();
        await Assert.ThrowsAsync<NoDataException>(() => database.OpenAsync());
    }
}
