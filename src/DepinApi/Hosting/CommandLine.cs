using System.Runtime.InteropServices;
using DepinApi.Database;
using DepinApi.Import;
using Npgsql;

namespace DepinApi.Hosting;

public abstract record Verb(string[] HostArguments);
public sealed record ServeVerb(string[] HostArguments) : Verb(HostArguments);
public sealed record MigrateVerb(string[] HostArguments) : Verb(HostArguments);
public sealed record ImportVerb(string Directory, string[] HostArguments) : Verb(HostArguments);
public sealed record UsageError(string Message) : Verb([]);

/// <summary>The verbs of the executable besides serving HTTP.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    /// <summary>
    /// The database could not be reached (sysexits' <c>EX_UNAVAILABLE</c>): nothing was read or changed, and running it
    /// again later may succeed, so a script can tell it from input that will fail again (<see cref="Failed"/>).
    /// </summary>
    public const int Unavailable = 69;

    /// <summary>
    /// A setting that cannot work (sysexits' <c>EX_CONFIG</c>): refused before anything is served, with one line naming
    /// the setting, the value and what it expects (<see cref="SettingErrors"/>). Running it again unchanged fails again.
    /// </summary>
    public const int Misconfigured = 78;

    /// <summary>Interrupted (Ctrl+C or SIGTERM): the shell's code for a process ended by SIGINT.</summary>
    public const int Interrupted = 130;

    public const string Usage = """
        Usage:
          DepinApi [--urls URL] [configuration overrides]   serve the API (default http://127.0.0.1:5080)
          DepinApi migrate                                   apply pending schema migrations, then exit
          DepinApi import <dir>                              migrate, validate and import a seed-data folder, then exit
        A relative <dir> is read from the directory the command was typed in, under `dotnet run` too.
        The database comes from ConnectionStrings__Depin (owner: ConnectionStrings__DepinAdmin); without one,
        a private PostgreSQL cluster is started under .data/pg.
        """;

    public static Verb Parse(string[] args)
    {
        if (args.Any(a => a is "help" or "--help" or "-h" or "-?"))
            return new UsageError("");
        var verb = args.Length == 0 || args[0].StartsWith('-')
            ? new ServeVerb(args)
            : args[0] switch
            {
                "migrate" => new MigrateVerb(args[1..]),
                "import" when args.Length >= 2 && args[1].Length > 0 && !args[1].StartsWith('-') => new ImportVerb(args[1], args[2..]),
                "import" when args.Length >= 2 && args[1].StartsWith('-') =>
                    new UsageError($"'{args[1]}' is not an argument here: import needs the seed-data folder first: DepinApi import <dir>"),
                "import" => new UsageError("import needs the seed-data folder: DepinApi import <dir>"),
                _ => (Verb)new UsageError($"Unknown verb '{args[0]}'."),
            };
        return verb is UsageError || Unread(verb.HostArguments) is not { } unread
            ? verb
            : new UsageError($"'{unread}' is not an argument here: configuration overrides are written --Section:Key=value or --Section:Key value.");
    }

    /// <summary>
    /// The first argument the host's command-line configuration would drop without a word (a second folder, a switch
    /// with no value, <c>--dry-run</c>), so that a verb given one refuses to run instead of running without it.
    /// </summary>
    private static string? Unread(string[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.Contains('=')) continue;
            var isKey = argument.StartsWith("--", StringComparison.Ordinal) || argument.StartsWith('/');
            // A key without "=" takes the next argument as its value.
            if (isKey && i + 1 < arguments.Length)
            {
                i++;
                continue;
            }
            return argument;
        }
        return null;
    }

    /// <summary>
    /// A failure to prepare the database that its message explains to whoever runs the service (no PostgreSQL
    /// programs, a migration that does not apply, seed data that is not valid, a database that cannot be reached): said
    /// once, without a stack trace (<see cref="Explain"/>), and the process ends with <see cref="Failed"/>, or
    /// <see cref="Unavailable"/> for a database it could not reach, whether a verb or the server's start met it.
    /// </summary>
    public static bool IsTheOperatorsToFix(Exception e) =>
        e is EmbeddedPostgresException or MigrationException or SeedDataInvalidException or NpgsqlException;

    public static async Task<int> RunAsync(Verb verb)
    {
        if (verb is UsageError usage)
        {
            if (usage.Message.Length > 0) Console.Error.WriteLine(usage.Message);
            Console.Error.WriteLine(Usage);
            return usage.Message.Length > 0 ? BadUsage : Success;
        }

        // A folder that is not there is the command's mistake: said before anything is started, created or migrated.
        var directory = verb is ImportVerb named ? InvocationDirectory.Resolve(named.Directory) : null;
        if (verb is ImportVerb missing && !Directory.Exists(directory))
        {
            Console.Error.WriteLine($"{missing.Directory}: no such folder ({directory}); nothing was started or changed.");
            return BadUsage;
        }

        var builder = WebApplication.CreateBuilder(ContentRoot.HostOptions(verb.HostArguments));
        using var logging = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        var logger = logging.CreateLogger("DepinApi");
        using var cancel = new CancellationTokenSource();
        // Ctrl+C and SIGTERM cancel the work rather than end the process, so the transaction is rolled back and the
        // private cluster, if this process is the last to use it, is stopped on the way out.
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; cancel.Cancel(); });
        try
        {
            var (connections, cluster) = await DatabaseBootstrap.ResolveAsync(builder.Configuration, logger, cancel.Token);
            await using var _ = cluster;
            await using var owner = NpgsqlDataSource.Create(connections.Owner);
            // Each as it is committed: a later migration that fails leaves these applied, and the output says so.
            var applied = await new Migrator(owner).MigrateAsync(notice => Console.Error.WriteLine(notice),
                migration => Console.WriteLine($"applied {migration.Name}"), cancel.Token);
            var latest = Migrator.Embedded[^1];
            Console.WriteLine(applied.Count == 0
                ? $"Schema up to date at version {latest.Version} ({latest.Name}); nothing to apply."
                : $"Schema migrated to version {latest.Version} ({latest.Name}): {applied.Count} migration(s) applied.");
            if (verb is not ImportVerb || directory is null)
                return Success;
            var result = await new SeedImporter(owner).ImportAsync(directory, notice => Console.Error.WriteLine(notice), cancel.Token);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                    Console.Error.WriteLine(error);
                Console.Error.WriteLine($"{result.Errors.Count} error(s); nothing was imported.");
                return Failed;
            }
            result.WriteReport(Console.Out);
            return Success;
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // However the cancellation surfaced (a cancelled statement is a PostgresException), nothing was committed.
            Console.Error.WriteLine(verb is ImportVerb
                ? "Interrupted; nothing was imported (the database is as it was)."
                : "Interrupted; any migration under way was rolled back.");
            return Interrupted;
        }
        catch (Exception e) when (IsTheOperatorsToFix(e))
        {
            return Explain(e);
        }
        catch (Exception e) when (SettingErrors.Describe(e) is { } setting)
        {
            Console.Error.WriteLine(setting);
            return Misconfigured;
        }
    }

    /// <summary>Says why the database could not be prepared, once and without a stack trace, and gives the exit code for it.</summary>
    public static int Explain(Exception e)
    {
        if (IsUnreachable(e))
        {
            Console.Error.WriteLine($"The database could not be reached; nothing was read or changed: {e.Message}");
            return Unavailable;
        }
        Console.Error.WriteLine(e.Message);
        return Failed;
    }

    // The driver's own failure to connect (a refused or timed-out socket), not an error the server answered with.
    private static bool IsUnreachable(Exception e) => e is NpgsqlException and not PostgresException;
}
