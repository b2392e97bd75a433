using DepinApi.GraphQL.Cost;
using DepinApi.Import;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>
/// The list bounds are read under a timeout of their own (GraphQL:ListBoundsTimeoutSeconds), not a request's command
/// timeout: a read that takes longer than a request may still completes, where on a large database it was cancelled
/// and started again every few seconds, and lists were charged the default size meanwhile.
/// </summary>
public sealed class ListBoundsTimeoutTests
{
    [Fact]
    public async Task A_bounds_read_slower_than_a_requests_command_timeout_completes_at_start()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var owner = NpgsqlDataSource.Create(connectionString);
        Assert.True((await new SeedImporter(owner).ImportAsync(SeedFixture.Valid().Write(), CancellationToken.None)).Succeeded);

        // The bounds read scans token_prices; a lock held for 2.5 s keeps it waiting past a 1 s command timeout.
        await using var connection = await owner.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE token_prices IN ACCESS EXCLUSIVE MODE", connection, transaction))
            await lockTable.ExecuteNonQueryAsync();
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            await transaction.CommitAsync();
        });
        var capture = new LogCapture();
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?> { ["Database:CommandTimeoutSeconds"] = "1" })
            .WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));

        _ = factory.Services;
        await release;

        Assert.NotNull(factory.Services.GetRequiredService<FieldCosts>().Current);
        Assert.DoesNotContain(capture.Entries, e => e.Message.Contains("Could not read the list bounds", StringComparison.Ordinal));
    }
}
