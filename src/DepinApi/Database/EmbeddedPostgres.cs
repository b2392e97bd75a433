using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own server binaries, so the service and
/// its tests work on a fresh machine without a database being set up first.
/// </summary>
/// <remarks>
/// The cluster lives under <see cref="EmbeddedPostgresOptions.DataDirectory"/> and listens on
/// loopback only, with password authentication (the password is generated once and kept beside
/// the data directory). PostgreSQL refuses to run as root, so when this process is root the
/// server binaries run as the <c>postgres</c> system user.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string OwnerRole = "depin_owner";

    /// <summary>The login the web server uses: a member of <see cref="ReaderRole.Name"/>, so it can only read.</summary>
    public const string ReaderLogin = "depin_api";

    private readonly EmbeddedPostgresOptions options;
    private readonly PostgresBinaries binaries;
    private readonly string dataDirectory;

    // Names this instance's own set-up and check sessions in pg_stat_activity, to tell them apart (see OtherSessionsAsync).
    private readonly string ownSessionsName = "depin private cluster " + Guid.NewGuid().ToString("N");

    private EmbeddedPostgres(EmbeddedPostgresOptions options, PostgresBinaries binaries)
    {
        this.options = options;
        this.binaries = binaries;
        dataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    public int Port { get; private set; }

    private string PasswordFile => dataDirectory + ".password";
    private string ReaderPasswordFile => dataDirectory + ".reader-password";
    private string PortFile => dataDirectory + ".port";
    // Inside the data directory, which the server user owns and may write to.
    private string LogFile => Path.Combine(dataDirectory, "server.log");

    /// <summary>Initialises the cluster if needed and starts it unless it is already running.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgres(options, PostgresBinaries.Locate(options.BinDirectory));
        await cluster.StartCoreAsync(cancellationToken);
        return cluster;
    }

    /// <summary>
    /// Stops the server running in the options' data directory, if one is, whoever started it (fast shutdown).
    /// Unlike <see cref="StartAsync"/> followed by a stop, it never starts one first.
    /// </summary>
    public static async Task StopIfRunningAsync(EmbeddedPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgres(options, PostgresBinaries.Locate(options.BinDirectory));
        if (await cluster.IsRunningAsync(cancellationToken))
            await cluster.StopAsync(cancellationToken);
    }

    /// <summary>A connection string to <paramref name="database"/> as the cluster's owner role.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = OwnerRole,
        Password = File.ReadAllText(PasswordFile).Trim(),
        Database = database,
        GssEncryptionMode = LoopbackGssEncryption,
    }.ConnectionString;

    // The cluster's own set-up and checks, once each: unpooled, so that no idle session of this process outlives them
    // and counts as another process's when the cluster is about to be stopped (DisposeAsync).
    private string AdminConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString("postgres"))
    {
        Pooling = false,
        ApplicationName = ownSessionsName,
    }.ConnectionString;

    // The private cluster listens on loopback and offers no GSS encryption. Npgsql's default, Prefer, first asks the
    // machine's GSSAPI library for a Kerberos context, which on a loaded machine was seen to outlast the whole connect
    // timeout before any byte reached Postgres.
    private const GssEncryptionMode LoopbackGssEncryption = GssEncryptionMode.Disable;

    /// <summary>Creates <paramref name="database"/> unless it exists; returns its connection string.</summary>
    public async Task<string> EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // CREATE DATABASE takes no parameters; the name is quoted as an identifier instead.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return ConnectionString(database);
    }

    /// <summary>
    /// Creates the reader login unless it exists, with a password generated once and kept beside
    /// the data directory like the owner's; returns a connection string to <paramref name="database"/> as it.
    /// </summary>
    public async Task<string> EnsureReaderLoginAsync(string database, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(ReaderPasswordFile))
        {
            await File.WriteAllTextAsync(ReaderPasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), cancellationToken);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(ReaderPasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var password = (await File.ReadAllTextAsync(ReaderPasswordFile, cancellationToken)).Trim();
        if (password.Length == 0 || !password.All(char.IsAsciiHexDigit))
            throw new EmbeddedPostgresException($"{ReaderPasswordFile} does not hold a generated password; delete it to make a new one.");

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ReaderRole.EnsureExistsAsync(connection, cancellationToken);
        // Utility statements take no parameters; the password is hex digits, checked above.
        // Setting it on every start keeps the role in step with the file should either be replaced.
        await using var upsert = new NpgsqlCommand($"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ReaderLogin}') THEN
                    CREATE ROLE {ReaderLogin} LOGIN;
                END IF;
            END $$;
            ALTER ROLE {ReaderLogin} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD '{password}';
            """, connection);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await ReaderRole.GrantToAsync(connection, ReaderLogin, cancellationToken);
        // Every role may create temporary tables by default: a write, if a private one. The reader needs none, and
        // in this cluster no other role but the owner (a superuser) logs in.
        await using var noTemp = new NpgsqlCommand($"REVOKE TEMPORARY ON DATABASE {QuoteIdentifier(database)} FROM PUBLIC", connection);
        await noTemp.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = ReaderLogin,
            Password = password,
            Database = database,
            GssEncryptionMode = LoopbackGssEncryption,
        }.ConnectionString;
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await InitialiseAsync(cancellationToken);

        if (await IsRunningAsync(cancellationToken) && File.Exists(PortFile))
        {
            Port = int.Parse(File.ReadAllText(PortFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (await AcceptsConnectionsAsync(cancellationToken)) return;
        }

        Port = options.Port ?? FreeLoopbackPort();
        await File.WriteAllTextAsync(PortFile, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' " +
                            $"-c max_connections={options.MaxConnections} -c fsync={(options.Durable ? "on" : "off")}";
        try
        {
            await PostgresCommand.RunAsync(binaries.PgCtl, ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", LogFile, "-o", serverOptions], cancellationToken);
        }
        catch (EmbeddedPostgresException failure)
        {
            // pg_ctl only says "could not start server"; the server's own log says why (a port in use, say).
            throw new EmbeddedPostgresException($"{failure.Message}\nThe private cluster's log ({LogFile}) ends:\n{LogTail()}"
                                                + (options.Port is { } port ? $"\nIf port {port} is taken, set Database:Embedded:Port to a free one." : ""));
        }
    }

    /// <summary>The last lines of the server's log, or a note that there is none.</summary>
    private string LogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(5));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(no log: " + e.Message + ")";
        }
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        // No PG_VERSION means an earlier initdb never finished; initdb refuses a non-empty folder.
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
        Directory.CreateDirectory(dataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(PasswordFile, password, cancellationToken);
        // initdb reads the password from a file so it never appears in a process listing.
        var pwFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, $".initdb-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(pwFile, password, cancellationToken);
        try
        {
            PostgresCommand.GiveToPostgresUser(dataDirectory);
            PostgresCommand.GiveToPostgresUser(pwFile);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await PostgresCommand.RunAsync(binaries.InitDb,
                ["-D", dataDirectory, "-U", OwnerRole, "--pwfile", pwFile, "--auth-host=scram-sha-256", "--auth-local=scram-sha-256",
                 "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"], cancellationToken);
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    private async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        var (exitCode, _) = await PostgresCommand.TryRunAsync(binaries.PgCtl, ["status", "-D", dataDirectory], cancellationToken);
        return exitCode == 0;
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    // Fast shutdown: open sessions are ended rather than waited for.
    private string[] FastStopArguments => ["stop", "-w", "-m", "fast", "-D", dataDirectory];

    /// <summary>Stops the server now (fast shutdown), whether or not this instance started it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var (exitCode, output) = await PostgresCommand.TryRunAsync(binaries.PgCtl, FastStopArguments, cancellationToken);
        // A server that stopped between the question and the stop (its own shutdown under way) is what was asked for.
        if (exitCode != 0 && await IsRunningAsync(cancellationToken))
            throw new EmbeddedPostgresException($"pg_ctl stop failed (exit {exitCode}): {output.Trim()}");
    }

    /// <summary>Starts the server again on the same port after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        options.Port = Port;
        await StartCoreAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the cluster (with <see cref="EmbeddedPostgresOptions.StopOnDispose"/>) unless another process still has a
    /// session in it. The last process out stops it, whichever started it: an <c>import</c> that started the cluster
    /// must not stop it under a server started meanwhile, and that server, stopping later, must not leave it running
    /// for nobody. Call it once this process's own connections are closed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // Only a cluster that says nobody else is left is stopped: one that does not answer in time may still serve
        // someone, and one that does not run needs no stop.
        if (!options.StopOnDispose || await OtherSessionsAsync() is not 0)
            return;
        await PostgresCommand.TryRunAsync(binaries.PgCtl, FastStopArguments, CancellationToken.None);
    }

    // Generous: it bounds only a cluster that never answers, once, as the process ends; on a loaded machine a login
    // alone has taken over two seconds.
    private static readonly TimeSpan SessionCountPatience = TimeSpan.FromSeconds(30);

    // Longer than a closed session's backend was seen to stay listed (95 ms), short enough for an idle server to exit
    // well within its 2 s when another process does hold a session.
    private static readonly TimeSpan OthersSettle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Client sessions in the cluster besides the one asking and this instance's own, or null when the cluster does not
    /// answer (stopped, or too slow to say).
    /// </summary>
    private async Task<long?> OtherSessionsAsync()
    {
        try
        {
            using var patience = new CancellationTokenSource(SessionCountPatience);
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync(patience.Token);
            // A closed session stays listed until its backend has exited, a moment after the client hung up (longer on a
            // loaded machine). This instance's own are told apart by their name and never counted. The process's others,
            // its server's pools (named for the service), were closed just before too; another process's stay for good.
            // So a count above zero is taken again until it falls to zero or has held for OthersSettle.
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
                + "AND application_name IS DISTINCT FROM $1", connection);
            count.Parameters.AddWithValue(ownSessionsName);
            var settling = Stopwatch.StartNew();
            while (true)
            {
                var others = (long)(await count.ExecuteScalarAsync(patience.Token))!;
                if (others == 0 || settling.Elapsed >= OthersSettle)
                    return others;
                await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
            }
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
