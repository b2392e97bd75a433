using DepinApi.ReadModel;
using DepinApi.Screening;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.ReadModel;

namespace DepinApi.Tests.Screening;

/// <summary>The repository's seed data imported once, screened through the service as the API does.</summary>
public sealed class SeedScreeningFixture : IAsyncLifetime
{
    public ReadModelDatabase Database { get; private set; } = null!;
    public ScreeningService Service { get; private set; } = null!;
    public ScreeningReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await ReadModelDatabase.CreateAsync();
        await Database.ImportAsync(RepositoryPaths.SeedData);
        Service = new ScreeningService(Database.Sessions);
        Report = await Service.ScreenAsync((AsOf?)null, null, CancellationToken.None);
    }

    public ProjectScreening Project(string slug) => Report.Projects.Single(p => p.Project == slug);

    public ComponentScore Component(string slug, string id) => Project(slug).Components.Single(c => c.Id == id);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
