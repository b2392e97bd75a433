using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Ide;

/// <summary>One API over the seed data for the IDE tests; rate limiting off so the number of requests does not matter.</summary>
public sealed class IdeApiFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The IDE test classes share one API.</summary>
[CollectionDefinition(Name)]
public sealed class IdeApiCollection : ICollectionFixture<IdeApiFixture>
{
    public const string Name = "IDE API";
}
