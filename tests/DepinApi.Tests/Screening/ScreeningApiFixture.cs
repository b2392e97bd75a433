using System.Globalization;
using System.Text.Json;
using DepinApi.Import;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Screening;

/// <summary>
/// The whole service over a database holding two data versions: version 1 is the repository's
/// seed data, version 2 the same with Helium's stablecoin share raised from 0.70 to 0.80, so
/// <c>asOf=1</c> must give back the seed scores.
/// </summary>
public sealed class ScreeningApiFixture : IAsyncLifetime
{
    private ApiFactory? factory;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            var importer = new SeedImporter(dataSource);
            await ImportAsync(importer, RepositoryPaths.SeedData);
            await ImportAsync(importer, WithHeliumShare("0.80"));
        }
        factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        Client = factory.CreateClient();
    }

    private static async Task ImportAsync(SeedImporter importer, string directory)
    {
        var result = await importer.ImportAsync(directory, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    private static string WithHeliumShare(string share)
    {
        var directory = SeedDataCopy.InNewTemporaryFolder("depin-screening-");
        var percent = (decimal.Parse(share, CultureInfo.InvariantCulture) * 100).ToString("0.##", CultureInfo.InvariantCulture);
        SeedDataCopy.ReviseFigure(directory, "settlement_mix.csv", "helium-2026-06-01-settlement-mix",
            (",2026-06-01,0.70,", $",2026-06-01,{share},"), ("settles about 70% of fees", $"settles about {percent}% of fees"));
        return directory;
    }

    public Task<JsonElement> GetJsonAsync(string url) => Client.GetJsonAsync(url);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
            await factory.DisposeAsync();
    }
}
