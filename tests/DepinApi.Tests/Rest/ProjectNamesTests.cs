using DepinApi.Database;
using DepinApi.Rest.Models;
using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.Rest;

/// <summary>
/// The project names citations are written with are read once per data version and kept (<see cref="ProjectNames"/>):
/// a project renamed by a later import is cited by its new name, and by its old one as of the version before.
/// </summary>
public sealed class ProjectNamesTests : IAsyncLifetime
{
    private const string Figure = "/v1/revenue/aethir-2025q2-quarterly-revenue";
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        factory = await ApiFactory.WithSeedDataAsync(RestApiFixture.Settings);
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task A_project_renamed_by_a_later_import_is_cited_by_the_name_of_the_version_read()
    {
        // Version 1's names are read, and kept, by the first citation.
        Assert.StartsWith("Aethir revenue", await CitationAsync(Figure));

        var directory = SeedDataCopy.InNewTemporaryFolder("depin-names-v2-");
        var projects = Path.Combine(directory, "projects.csv");
        File.WriteAllText(projects, File.ReadAllText(projects).Replace("aethir,Aethir,", "aethir,Aethir Network,", StringComparison.Ordinal));
        await SecondDataVersion.ImportAsync(factory, factory.Services.GetRequiredService<DatabaseStartup>().Connections.Owner, directory);

        Assert.StartsWith("Aethir Network revenue", await CitationAsync(Figure));
        Assert.StartsWith("Aethir revenue", await CitationAsync(Figure + "?asOf=1"));
        Assert.StartsWith("Aethir Network revenue", await CitationAsync(Figure + "?asOf=2"));
    }

    [Fact]
    public async Task The_names_of_a_version_are_read_once_however_many_responses_cite_them()
    {
        var names = factory.Services.GetRequiredService<ProjectNames>();
        var rest = factory.Services.GetRequiredService<DepinApi.ReadModel.ReadSessionFactory>();

        await using var first = await rest.OpenAsync(asOf: null, CancellationToken.None);
        var read = await names.OfAsync(first, CancellationToken.None);
        var commands = first.CommandCount;
        await using var second = await rest.OpenAsync(asOf: null, CancellationToken.None);
        var kept = await names.OfAsync(second, CancellationToken.None);

        Assert.Same(read, kept);
        Assert.Equal("Aethir", kept["aethir"]);
        // The first session was opened and read the names; opening the second is all it sent.
        Assert.Equal(2, commands);
        Assert.Equal(1, second.CommandCount);
    }

    private async Task<string> CitationAsync(string path) =>
        (await client.GetJsonAsync(path)).GetProperty("data").GetProperty("citation").GetString()!;
}
