using DepinApi.Import;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// Finds the database before the web host is built: the configured connection strings, or a
/// private cluster started from the machine's PostgreSQL binaries when none is configured.
/// </summary>
public static class DatabaseBootstrap
{
    public const string DatabaseName = "depin";

    /// <summary>
    /// Resolves the connection strings. <c>ConnectionStrings:Depin</c> is the reader;
    /// <c>ConnectionStrings:DepinAdmin</c> the owner, falling back to the reader's.
    /// </summary>
    public static async Task<(DatabaseConnections Connections, EmbeddedPostgres? Cluster)> ResolveAsync(
        IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var reader = configuration.GetConnectionString("Depin");
        var owner = configuration.GetConnectionString("DepinAdmin");
        if (!string.IsNullOrWhiteSpace(reader))
            return (new DatabaseConnections(reader, string.IsNullOrWhiteSpace(owner) ? reader : owner), null);

        var options = configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        logger.LogInformation("No ConnectionStrings:Depin configured; using the private cluster in {Directory}", Path.GetFullPath(options.DataDirectory));
        var cluster = await EmbeddedPostgres.StartAsync(options, cancellationToken);
        var connectionString = await cluster.EnsureDatabaseAsync(DatabaseName, cancellationToken);
        return (new DatabaseConnections(connectionString, connectionString), cluster);
    }

    /// <summary>Migrates and, when the database is empty, imports the seed data, as configured.</summary>
    public static async Task PrepareAsync(DatabaseConnections connections, DatabaseOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        await using var owner = NpgsqlDataSource.Create(connections.Owner);
        if (options.MigrateOnStartup)
        {
            var applied = await new Migrator(owner).MigrateAsync(cancellationToken);
            foreach (var migration in applied)
                logger.LogInformation("Applied migration {Migration}", migration.Name);
        }
        if (options.ImportSeedWhenEmpty && !await HasDataAsync(owner, cancellationToken))
        {
            var directory = ResolveSeedDirectory(options.SeedDirectory);
            if (!Directory.Exists(directory))
            {
                logger.LogWarning("The database is empty and the seed folder {Directory} does not exist; serving no data", directory);
                return;
            }
            var result = await new SeedImporter(owner).ImportAsync(directory, cancellationToken);
            if (!result.Succeeded)
                throw new InvalidOperationException("The seed data is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
            logger.LogInformation("Imported {Directory} as data version {Version}", directory, result.DataVersion);
        }
    }

    /// <summary>
    /// A relative seed folder is looked for in the working directory first, then beside the
    /// executable (the build copies the repository's seed-data there).
    /// </summary>
    public static string ResolveSeedDirectory(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        var fromWorkingDirectory = Path.GetFullPath(configured);
        if (Directory.Exists(fromWorkingDirectory)) return fromWorkingDirectory;
        var besideExecutable = Path.Combine(AppContext.BaseDirectory, configured);
        return Directory.Exists(besideExecutable) ? besideExecutable : fromWorkingDirectory;
    }

    private static async Task<bool> HasDataAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM data_versions)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
