using Npgsql;

namespace DepinApi.Tests.Import;

/// <summary>
/// Row count and checksum of every table in the public schema, to prove a failed import
/// left the database exactly as it was.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Checksum)> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));

        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // The table name comes from the catalog; quote_ident via format(%I) keeps it an identifier.
            await using var build = new NpgsqlCommand(
                "SELECT format('SELECT count(*), md5(coalesce(string_agg(t::text, chr(10) ORDER BY t::text), '''')) FROM %I t', $1)", connection);
            build.Parameters.AddWithValue(table);
            var sql = (string)(await build.ExecuteScalarAsync())!;
            await using var sum = new NpgsqlCommand(sql, connection);
            await using var reader = await sum.ExecuteReaderAsync();
            await reader.ReadAsync();
            result[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        return new DatabaseSnapshot(result);
    }

    /// <summary>The same snapshot without one table, e.g. data_versions, whose timestamps and folder names differ between runs.</summary>
    public DatabaseSnapshot Without(string table) =>
        new(Tables.Where(t => t.Key != table).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));

    public static void AssertSame(DatabaseSnapshot expected, DatabaseSnapshot actual)
    {
        Assert.Equal(expected.Tables.Keys, actual.Tables.Keys);
        foreach (var (table, before) in expected.Tables)
            Assert.True(before == actual.Tables[table], $"table {table} changed: {before} -> {actual.Tables[table]}");
    }
}
