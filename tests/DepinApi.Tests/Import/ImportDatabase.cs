using DepinApi.Import;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Import;

/// <summary>A fresh migrated database for one test, with the importer and a few queries the tests share.</summary>
public sealed class ImportDatabase : IAsyncDisposable
{
    private ImportDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Importer = new SeedImporter(DataSource);
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }
    public SeedImporter Importer { get; }

    public static async Task<ImportDatabase> CreateAsync() => new(await TestPostgres.CreateDatabaseAsync());

    public Task<ImportResult> ImportAsync(SeedFixture fixture) => Importer.ImportAsync(fixture.Write(), CancellationToken.None);

    /// <summary>Imports and fails the test with every error when the import did not succeed.</summary>
    public async Task<ImportResult> ImportValidAsync(SeedFixture fixture)
    {
        var result = await ImportAsync(fixture);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<DatabaseSnapshot> SnapshotAsync() => DatabaseSnapshot.TakeAsync(DataSource);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
