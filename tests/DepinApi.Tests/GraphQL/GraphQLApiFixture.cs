using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// One API over the seed data for a whole test class. Rate limiting is off so that the tests' many requests
/// do not run into the budget (the rate-limit tests start their own API), and the cost limit is raised so the
/// full-page nested query of the N+1 test is admitted.
/// </summary>
public sealed class GraphQLApiFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; private set; } = null!;

    public GraphQLClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["GraphQL:MaxCost"] = "10000",
        });
        Client = new GraphQLClient(Factory.CreateClient());
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
