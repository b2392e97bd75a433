using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.RateLimiting;

/// <summary>One migrated database per test class; the hosts started over it differ only in their settings.</summary>
public sealed class RateLimitDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(ConnectionString);
}
