using DepinApi.Import;
using DepinApi.ReadModel;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.ReadModel;

/// <summary>A fresh database for one test, with the importer to write versions and the factory to read them.</summary>
public sealed class ReadModelDatabase : IAsyncDisposable
{
    private ReadModelDatabase(string connectionString)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        Importer = new SeedImporter(DataSource);
        Sessions = new ReadSessionFactory(DataSource);
    }

    public NpgsqlDataSource DataSource { get; }
    public SeedImporter Importer { get; }
    public ReadSessionFactory Sessions { get; }

    public static async Task<ReadModelDatabase> CreateAsync() => new(await TestPostgres.CreateDatabaseAsync());

    public async Task ImportAsync(string directory)
    {
        var result = await Importer.ImportAsync(directory, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    public Task ImportAsync(SeedFixture fixture) => ImportAsync(fixture.Write());

    public Task<ReadSession> OpenAsync(AsOf? asOf = null) => Sessions.OpenAsync(asOf, CancellationToken.None);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
