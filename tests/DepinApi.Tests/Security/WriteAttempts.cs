using Npgsql;

namespace DepinApi.Tests.Security;

/// <summary>Statements a reader must never get through: writes to the data and changes to the schema.</summary>
public static class WriteAttempts
{
    public static TheoryData<string> All => new(Statements);

    public static IReadOnlyList<string> Statements { get; } =
    [
        "INSERT INTO data_versions (id, summary, source_dir) VALUES (999, '{}', 'x')",
        "UPDATE projects SET name = 'changed'",
        "UPDATE revenue_figures SET valid_to = NULL",
        "DELETE FROM revenue_figures",
        "DELETE FROM data_versions",
        "TRUNCATE token_prices",
        "CREATE TABLE public.intruder (id int)",
        "ALTER TABLE projects ADD COLUMN intruder text",
        "DROP TABLE sources CASCADE",
        "CREATE INDEX intruder ON projects (name)",
        "CREATE VIEW public.intruder AS SELECT 1",
        "CREATE FUNCTION public.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    ];

    /// <summary>Runs <paramref name="sql"/> and requires Postgres to refuse it for want of privilege (42501).</summary>
    public static async Task AssertRefusedAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.True(error.SqlState == PostgresErrorCodes.InsufficientPrivilege,
            $"{sql}: expected 42501 insufficient_privilege, got {error.SqlState} {error.MessageText}");
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
