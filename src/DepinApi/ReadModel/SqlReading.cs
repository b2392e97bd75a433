using Npgsql;
using NpgsqlTypes;

namespace DepinApi.ReadModel;

/// <summary>Positional column access for the read model's row mappers, with SQL NULL as C# null.</summary>
internal static class SqlReading
{
    public static string? TextOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static decimal? DecimalOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    public static DateOnly Date(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public static DateOnly? DateOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>Binds a list filter; a null list binds NULL so the SQL can read "(@p IS NULL OR x = ANY(@p))".</summary>
    public static void AddList(this NpgsqlParameterCollection parameters, string name, IReadOnlyCollection<string>? values) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)values?.ToArray() ?? DBNull.Value });

    public static void AddText(this NpgsqlParameterCollection parameters, string name, string? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    public static void AddInt(this NpgsqlParameterCollection parameters, string name, int? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value });

    public static void AddDate(this NpgsqlParameterCollection parameters, string name, DateOnly? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Date) { Value = (object?)value ?? DBNull.Value });
}
