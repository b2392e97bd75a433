using Npgsql;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// Adds a long synthetic price series to a test's own database, in the current data version. Every
/// row's quote says it is synthetic; nothing like it is ever written to the default database.
/// </summary>
public static class SyntheticSeries
{
    public static async Task AddAsync(string connectionString, string project, int days)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO token_prices (id, project, token_symbol, date, price_usd, source, quote, valid_from)
            SELECT @project || '-synthetic-' || g, @project, p.token_symbol, DATE '1960-01-01' + g, 1 + g / 1000.0, p.source,
                   'Synthetic test price number ' || g || ', made by the test; not a real figure.', v.id
            FROM generate_series(1, @days) g,
                 (SELECT token_symbol, source FROM token_prices WHERE project = @project AND valid_to IS NULL LIMIT 1) p,
                 (SELECT max(id) AS id FROM data_versions) v
            """, connection);
        command.Parameters.AddWithValue("project", project);
        command.Parameters.AddWithValue("days", days);
        await command.ExecuteNonQueryAsync();
    }
}
