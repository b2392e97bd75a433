using System.Runtime.CompilerServices;
using DepinApi.Database;
using Npgsql;

namespace DepinApi.ReadModel;

/// <summary>
/// Everything one response reads: a connection inside a REPEATABLE READ snapshot, fixed on one
/// data version. Commands are serialised, so concurrent callers (batched loaders) may share it;
/// a streamed result holds the session until it has been read to the end or abandoned.
/// </summary>
/// <remarks>
/// A session opened with reads known in advance (<see cref="ReadSessionFactory.OpenAsync{T}"/>) sends them, the
/// version query and the snapshot's BEGIN and COMMIT as one batch: one round trip, one snapshot. Reads after that
/// batch run outside any transaction, each bounded by the version the batch read (<see cref="Visible"/>), which no
/// later import changes: the response still shows one version.
/// </remarks>
public sealed partial class ReadSession : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction? transaction;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IDisposable? place;
    private DataVersionInfo? version;
    private List<AdvanceRead>? advance;
    private bool snapshotClosed;
    private int commandCount;
    private long rowsRead;

    internal ReadSession(NpgsqlConnection connection, NpgsqlTransaction transaction, DataVersionInfo version,
        bool isCurrent, int commandsSoFar, IDisposable? place = null)
    {
        this.place = place;
        this.connection = connection;
        this.transaction = transaction;
        this.version = version;
        IsCurrent = isCurrent;
        commandCount = commandsSoFar;
    }

    /// <summary>A session on the newest version whose reads are queued until <see cref="SendAdvanceReadsAsync"/>.</summary>
    internal ReadSession(NpgsqlConnection connection, IDisposable? place)
    {
        this.place = place;
        this.connection = connection;
        advance = [];
        IsCurrent = true;
    }

    /// <summary>The data version every query of this session reads.</summary>
    /// <exception cref="InvalidOperationException">Read while the session's reads are still being queued.</exception>
    public DataVersionInfo Version =>
        version ?? throw new InvalidOperationException("The data version is known once the reads queued in advance have been sent.");

    /// <summary>True when <see cref="Version"/> is the newest one.</summary>
    public bool IsCurrent { get; }

    /// <summary>SQL commands sent so far, opening the session included.</summary>
    public int CommandCount => Volatile.Read(ref commandCount);

    /// <summary>Rows read so far by this session's queries, so that tests can show what a computation reads.</summary>
    public long RowsRead => Volatile.Read(ref rowsRead);

    /// <summary>
    /// The SQL condition under which a row of the table aliased <paramref name="alias"/> belongs to
    /// this session's version. The newest version reads current rows only, which the partial
    /// indexes cover; a past version compares the row's validity range with the bound <c>@v</c>.
    /// </summary>
    private string Visible(string alias) => VisibleSql(alias, ReadsCurrentRows ? null : "@v");

    /// <summary>Whether <see cref="Visible"/> selects the current rows (no <c>@v</c> to bind).</summary>
    private bool ReadsCurrentRows => IsCurrent && !snapshotClosed;

    /// <summary>
    /// The SQL condition under which a row of the table aliased <paramref name="alias"/> belongs to the data version
    /// <paramref name="version"/> (an SQL expression), or is current when it is null; one home for the sessions and
    /// for compiled GraphQL statements.
    /// </summary>
    internal static string VisibleSql(string alias, string? version) => version is null
        ? $"{alias}.valid_to IS NULL"
        : $"{alias}.valid_from <= {version} AND ({alias}.valid_to IS NULL OR {alias}.valid_to > {version})";

    /// <summary>
    /// The placeholder of a parameter bound to <paramref name="value"/>, for a condition of <see cref="FigureSql"/> or
    /// <see cref="ProjectSql"/>; null, and no condition, when the value is left out.
    /// </summary>
    private static string? Given(object? value, string placeholder) => value is null ? null : placeholder;

    // Private: a session's SQL is written in its own partial files, in ReadModel/, and nowhere else.

    /// <summary>Runs a query and maps each row; <c>@v</c> is bound to the version.</summary>
    private Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlParameterCollection>? parameters,
        Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken) =>
        // A queued read's own task, answered before the session is handed over: awaiting it then costs no hand-off.
        advance is not null ? Queue(sql, parameters, map) : QueryNowAsync(sql, parameters, map, cancellationToken);

    private async Task<List<T>> QueryNowAsync<T>(string sql, Action<NpgsqlParameterCollection>? parameters,
        Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in StreamAsync(sql, parameters, map, cancellationToken))
            rows.Add(row);
        return rows;
    }

    /// <summary>Like <see cref="QueryAsync{T}"/> but yields rows as they arrive, for long series.</summary>
    private async IAsyncEnumerable<T> StreamAsync<T>(string sql, Action<NpgsqlParameterCollection>? parameters,
        Func<NpgsqlDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (advance is not null)
            throw new InvalidOperationException("A streamed read cannot be queued in advance.");
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<int>("v", Version.Id));
            parameters?.Invoke(command.Parameters);
            Interlocked.Increment(ref commandCount);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // Only ever written under the gate.
                Volatile.Write(ref rowsRead, rowsRead + 1);
                yield return map(reader);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Reads started in advance that the handler no longer awaited (it answered early) may still be running.
        await gate.WaitAsync();
        try
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            // Its place at the FairSessionGate, once the connection is back in the pool.
            place?.Dispose();
            // Not disposed: a read queued behind this one must fail on the closed connection, not on the gate.
            gate.Release();
        }
    }
}
