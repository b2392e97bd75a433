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
    /// <c>ConnectionStrings:DepinAdmin</c> the owner, falling back to the reader's (whose sessions
    /// then switch to the reader role). The private cluster has a reader login of its own.
    /// </summary>
    public static async Task<(DatabaseConnections Connections, EmbeddedPostgres? Cluster)> ResolveAsync(
        IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var reader = configuration.GetConnectionString("Depin");
        var owner = configuration.GetConnectionString("DepinAdmin");
        if (!string.IsNullOrWhiteSpace(reader))
            return (DatabaseConnections.FromConfiguration(reader, owner), null);

        var options = configuration.GetSection(EmbeddedPostgresOptions.Section).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        logger.LogInformation("No ConnectionStrings:Depin configured; using the private cluster in {Directory}", Path.GetFullPath(options.DataDirectory));
        var cluster = await EmbeddedPostgres.StartAsync(options, cancellationToken);
        var ownerConnection = await cluster.EnsureDatabaseAsync(DatabaseName, cancellationToken);
        var readerConnection = await cluster.EnsureReaderLoginAsync(DatabaseName, cancellationToken);
        return (new DatabaseConnections(readerConnection, ownerConnection), cluster);
    }

    /// <summary>Migrates and, when the database is empty, imports the seed data, as configured.</summary>
    public static async Task PrepareAsync(DatabaseConnections connections, DatabaseOptions options, ILogger logger, CancellationToken cancellationToken,
        Observability.DepinMetrics? metrics = null)
    {
        await using var owner = NpgsqlDataSource.Create(connections.Owner);
        if (options.MigrateOnStartup)
        {
            await new Migrator(owner).MigrateAsync(notice: null,
                migration => logger.LogInformation("Applied migration {Migration}", migration.Name), cancellationToken);
        }
        if (connections.ReaderLogin is { } readerLogin)
            await GrantReaderAsync(owner, readerLogin, logger, cancellationToken);
        if (options.ImportSeedWhenEmpty && !await HasDataAsync(owner, cancellationToken))
        {
            var directory = ResolveSeedDirectory(options.SeedDirectory);
            if (!Directory.Exists(directory))
            {
                logger.LogWarning("The database is empty and the seed folder {Directory} does not exist; serving no data", directory);
                return;
            }
            var result = await new SeedImporter(owner, metrics).ImportAsync(directory, cancellationToken);
            if (!result.Succeeded)
                throw new SeedDataInvalidException(directory, result.Errors);
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

    // Best effort: an owner without the right to grant roles leaves it to the operator, who is told so.
    private static async Task GrantReaderAsync(NpgsqlDataSource owner, string readerLogin, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await owner.OpenConnectionAsync(cancellationToken);
            if (await ReaderRole.GrantToAsync(connection, readerLogin, cancellationToken))
                logger.LogInformation("Made {Login} a member of {Role}: ConnectionStrings:Depin reads as the read-only role",
                    readerLogin, ReaderRole.Name);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.UndefinedObject)
        {
            logger.LogWarning("Could not make {Login} a member of {Role} ({Message}); an administrator has to grant the role to the login",
                readerLogin, ReaderRole.Name, e.MessageText);
        }
    }

    private static async Task<bool> HasDataAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM data_versions)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
