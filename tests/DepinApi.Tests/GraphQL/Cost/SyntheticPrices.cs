using Npgsql;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>
/// Adds a SYNTHETIC daily price series to a test database, as a data version of its own, and tells running servers
/// (NOTIFY) as the importer does. Only ever in a test's own database; every row says what it is in its quote.
/// </summary>
public static class SyntheticPrices
{
    public const string Quote = "SYNTHETIC test row made by the cost tests: not a real price.";

    /// <summary><paramref name="days"/> prices of <paramref name="project"/>, one a day up to <paramref name="lastDay"/>.</summary>
    public static async Task AddVersionAsync(string connectionString, string project, int days, DateOnly lastDay)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand($"""
            WITH version AS (
              INSERT INTO data_versions (id, summary, source_dir)
              SELECT max(id) + 1, jsonb_build_object('token_prices', jsonb_build_object('added', @days)), 'synthetic (tests)' FROM data_versions
              RETURNING id
            )
            INSERT INTO token_prices (id, project, token_symbol, date, price_usd, source, quote, valid_from)
            SELECT 'synthetic-' || @project || '-' || version.id || '-' || n, @project, p.token_symbol, @last - n, 1 + (n % 97) / 100.0,
                   (SELECT source FROM token_prices WHERE project = @project LIMIT 1), @quote, version.id
            FROM version, generate_series(0, @days - 1) n,
                 (SELECT token_symbol FROM projects WHERE slug = @project AND valid_to IS NULL) p;
            SELECT pg_notify('{DepinApi.Import.SeedImporter.NotifyChannel}', '');
            """);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("last", lastDay);
        command.Parameters.AddWithValue("days", days);
        command.Parameters.AddWithValue("quote", Quote);
        await command.ExecuteNonQueryAsync();
    }
}
