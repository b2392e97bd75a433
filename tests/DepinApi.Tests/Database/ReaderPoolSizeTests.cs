using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Database;

/// <summary>The reader pool's size is Database:MaxPoolSize, not Npgsql's default of 100.</summary>
public sealed class ReaderPoolSizeTests
{
    [Theory]
    [InlineData(null, 30)]
    [InlineData("7", 7)]
    public async Task The_reader_pool_holds_at_most_the_configured_number_of_connections(string? setting, int expected)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
            settings["Database:MaxPoolSize"] = setting;
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync(), settings);

        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize);
    }
}
