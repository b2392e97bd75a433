using System.Data;
using DepinApi.Database;
using Npgsql;

namespace DepinApi.ReadModel;

/// <summary>
/// Opens <see cref="ReadSession"/>s: one connection and one REPEATABLE READ snapshot each, so
/// everything a response shows comes from a single data version even while an import commits.
/// A request's session is opened through the <see cref="FairSessionGate"/>, so no client holds more than its share
/// of the pool.
/// </summary>
public sealed class ReadSessionFactory(NpgsqlDataSource dataSource, FairSessionGate? gate = null)
{
    /// <summary>
    /// Opens a session on the newest data version, or on the one <paramref name="asOf"/> names, for the server's own
    /// work (no client waits for it): outside the <see cref="FairSessionGate"/>.
    /// </summary>
    /// <exception cref="NoDataException">Nothing has been imported yet.</exception>
    /// <exception cref="DataVersionNotFoundException"><paramref name="asOf"/> names no data version.</exception>
    public Task<ReadSession> OpenAsync(AsOf? asOf, CancellationToken cancellationToken) =>
        OpenAsync(asOf, client: null, cancellationToken);

    /// <summary>
    /// Opens a session for a request of <paramref name="client"/> (<c>RequestCharge.PartitionKeyOf</c>), once the
    /// <see cref="FairSessionGate"/> admits it; the place is given back when the session is disposed.
    /// </summary>
    /// <exception cref="DatabaseBusyException">No session came free within <see cref="DatabaseOptions.SessionWaitSeconds"/>.</exception>
    /// <exception cref="NoDataException">Nothing has been imported yet.</exception>
    /// <exception cref="DataVersionNotFoundException"><paramref name="asOf"/> names no data version.</exception>
    public async Task<ReadSession> OpenAsync(AsOf? asOf, string? client, CancellationToken cancellationToken)
    {
        var place = client is not null && gate is not null ? await gate.EnterAsync(client, cancellationToken) : null;
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch
        {
            place?.Dispose();
            throw;
        }
        try
        {
            // Npgsql sends BEGIN together with the first command, so the snapshot costs no round trip.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var (latest, selected) = await ResolveAsync(connection, transaction, asOf, cancellationToken);
            return new ReadSession(connection, transaction, selected, isCurrent: selected.Id == latest.Id, commandsSoFar: 1, place);
        }
        catch
        {
            await connection.DisposeAsync();
            place?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Like <see cref="OpenAsync(AsOf?, string?, CancellationToken)"/>, and starts the reads
    /// <paramref name="readAhead"/> asks of the session at once. On the newest version they are sent with the version
    /// query and the snapshot's BEGIN and COMMIT as one batch, one round trip in all, before this returns; with
    /// <paramref name="asOf"/> they run on the session as usual. Reads the handler makes later still work (see
    /// <see cref="ReadSession"/>).
    /// </summary>
    /// <param name="readAhead">Calls read methods of the session and returns their tasks, without awaiting them:
    /// the session's version is not known while it runs.</param>
    public async Task<(ReadSession Session, T Reads)> OpenAsync<T>(AsOf? asOf, string? client, Func<ReadSession, T> readAhead,
        CancellationToken cancellationToken)
    {
        if (asOf is not null)
        {
            var opened = await OpenAsync(asOf, client, cancellationToken);
            return (opened, readAhead(opened));
        }
        var place = client is not null && gate is not null ? await gate.EnterAsync(client, cancellationToken) : null;
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch
        {
            place?.Dispose();
            throw;
        }
        var session = new ReadSession(connection, place);
        try
        {
            var reads = readAhead(session);
            await session.SendAdvanceReadsAsync(cancellationToken);
            return (session, reads);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private static async Task<(DataVersionInfo Latest, DataVersionInfo Selected)> ResolveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AsOf? asOf, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(VersionSql, connection, transaction);
        BindAsOf(command.Parameters, asOf);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var latest = ReadVersion(reader, 0) ?? throw new NoDataException();
        if (asOf is null)
            return (latest, latest);
        var selected = ReadVersion(reader, 1);
        var first = ReadVersion(reader, 2)!;
        if (selected is null)
            throw new DataVersionNotFoundException(asOf.Value, asOf.Value.Version is { } v
                ? DataVersionNotFoundException.Describe(v, latest.Id)
                : $"No data had been imported by the end of {asOf}; the first data version was imported on {first.ImportedAt.UtcDateTime:yyyy-MM-dd}.");
        return (latest, selected);
    }

    /// <summary>
    /// One query answers both "what is current" and "what does asOf name" (and what exists, for the error): the newest
    /// version, the one asOf names, the first.
    /// </summary>
    internal static readonly string VersionSql = $"""
        SELECT
          (SELECT row(id, created_at) {NewestVersionFromSql}),
          (SELECT row(id, created_at) {VersionNamedSql("@version", "@day")}),
          (SELECT row(id, created_at) FROM data_versions ORDER BY id LIMIT 1)
        """;

    /// <summary><c>FROM … LIMIT 1</c> selecting the newest data version.</summary>
    internal const string NewestVersionFromSql = "FROM data_versions ORDER BY id DESC LIMIT 1";

    /// <summary>
    /// <c>FROM … LIMIT 1</c> selecting the data version an asOf names, from its version number <paramref name="version"/>
    /// or its day <paramref name="day"/> (bound parameters, one of them null): one home for the sessions and for compiled
    /// GraphQL statements.
    /// </summary>
    internal static string VersionNamedSql(string version, string day) => $"""
        FROM data_versions
             WHERE ({version} IS NOT NULL AND id = {version})
                OR ({day} IS NOT NULL AND created_at < ({day} + 1)::timestamp AT TIME ZONE 'UTC')
             ORDER BY id DESC LIMIT 1
        """;

    internal static void BindAsOf(NpgsqlParameterCollection parameters, AsOf? asOf)
    {
        parameters.Add(new NpgsqlParameter<int?>("version", asOf?.Version));
        // The end of the day is computed by Postgres, whose dates reach far past 9999-12-31: in .NET the
        // day after DateOnly.MaxValue overflows. Any day after the newest import selects the newest version.
        parameters.Add(new NpgsqlParameter<DateOnly?>("day", asOf?.Date));
    }

    internal static DataVersionInfo? ReadVersion(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        var record = reader.GetFieldValue<object[]>(ordinal);
        return new DataVersionInfo((int)record[0], new DateTimeOffset((DateTime)record[1]));
    }
}
