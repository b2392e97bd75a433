using Npgsql;

namespace DepinApi.Import;

/// <summary>Reads the current revision (valid_to IS NULL) of a seed table, keyed by natural key.</summary>
internal static class CurrentRows
{
    public static async Task<Dictionary<string, object?[]>> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, FileSpec spec, CancellationToken cancellationToken)
    {
        var columns = spec.DbColumns;
        var sql = $"SELECT {SqlName.List(columns.Select(c => c.Name))} FROM {SqlName.Quote(spec.Table)} WHERE valid_to IS NULL";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
                values[i] = Read(reader, i, columns[i].Type);
            rows.Add((string)values[spec.KeyDbIndex]!, values);
        }
        return rows;
    }

    // Read as the same CLR types the field parsers produce, so rows compare by value.
    private static object? Read(NpgsqlDataReader reader, int ordinal, DbType type)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        return type switch
        {
            DbType.Text => reader.GetString(ordinal),
            DbType.Numeric => reader.GetDecimal(ordinal),
            DbType.Date => reader.GetFieldValue<DateOnly>(ordinal),
            DbType.SmallInt => reader.GetInt16(ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}
