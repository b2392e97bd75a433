using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    /// <summary>A read queued before the session's first round trip, answered when the batch has been read whole.</summary>
    private abstract class AdvanceRead(string sql, Action<NpgsqlParameterCollection>? parameters)
    {
        public NpgsqlBatchCommand Command()
        {
            var command = new NpgsqlBatchCommand(sql);
            parameters?.Invoke(command.Parameters);
            return command;
        }

        /// <summary>The read as one statement with the newest version: see <see cref="SendAloneAsync"/>.</summary>
        public NpgsqlBatchCommand CommandWithNewestVersion()
        {
            var command = new NpgsqlBatchCommand($"""
                SELECT advance_read.*, row(newest.id, newest.created_at)
                FROM (SELECT id, created_at {ReadSessionFactory.NewestVersionFromSql}) newest
                LEFT JOIN LATERAL (SELECT answer.*, true AS answered FROM ({sql}) answer) advance_read ON true
                """);
            parameters?.Invoke(command.Parameters);
            return command;
        }

        public async Task<long> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            long count = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                Add(reader);
                count++;
            }
            return count;
        }

        public abstract void Add(NpgsqlDataReader reader);

        public abstract void Answer();

        public abstract void Fail(Exception error);
    }

    private sealed class AdvanceRead<T>(string sql, Action<NpgsqlParameterCollection>? parameters, Func<NpgsqlDataReader, T> map)
        : AdvanceRead(sql, parameters)
    {
        private readonly List<T> rows = [];

        // Continuations run elsewhere, not inside the loop that answers the batch's other reads.
        public TaskCompletionSource<List<T>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Add(NpgsqlDataReader reader) => rows.Add(map(reader));

        public override void Answer() => Result.TrySetResult(rows);

        public override void Fail(Exception error) => Result.TrySetException(error);
    }

    private Task<List<T>> Queue<T>(string sql, Action<NpgsqlParameterCollection>? parameters, Func<NpgsqlDataReader, T> map)
    {
        var read = new AdvanceRead<T>(sql, parameters, map);
        lock (advance!)
            advance.Add(read);
        return read.Result.Task;
    }

    /// <summary>
    /// Sends the queued reads with the version query in one round trip from one snapshot, so that nothing is left to
    /// end afterwards: a single read as one statement, several as a batch; then answers them.
    /// </summary>
    /// <exception cref="NoDataException">Nothing has been imported yet.</exception>
    internal async Task SendAdvanceReadsAsync(CancellationToken cancellationToken)
    {
        List<AdvanceRead> reads;
        lock (advance!)
            reads = [.. advance];
        advance = null;
        try
        {
            if (reads.Count == 1)
                await SendAloneAsync(reads[0], cancellationToken);
            else
                await SendBatchAsync(reads, cancellationToken);
            if (version is null)
                throw new NoDataException();
        }
        catch (Exception e)
        {
            foreach (var read in reads)
                read.Fail(e);
            throw;
        }
        snapshotClosed = true;
        foreach (var read in reads)
            read.Answer();
    }

    /// <summary>
    /// One read and the version query as one statement, which Postgres answers from one snapshot: no transaction to
    /// begin or end. The version is the last column of every row, after the read's own columns and a marker that
    /// tells a row of the read from the one row of a read that found nothing.
    /// </summary>
    private async Task SendAloneAsync(AdvanceRead read, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(read.CommandWithNewestVersion());
        commandCount = 1;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            version ??= ReadSessionFactory.ReadVersion(reader, reader.FieldCount - 1);
            if (reader.IsDBNull(reader.FieldCount - 2))
                continue;
            read.Add(reader);
            rowsRead++;
        }
    }

    /// <summary>Several reads: one batch inside one REPEATABLE READ snapshot, the version query first, COMMIT last.</summary>
    private async Task SendBatchAsync(List<AdvanceRead> reads, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ"));
        var versions = new NpgsqlBatchCommand(ReadSessionFactory.VersionSql);
        ReadSessionFactory.BindAsOf(versions.Parameters, asOf: null);
        batch.BatchCommands.Add(versions);
        foreach (var read in reads)
            batch.BatchCommands.Add(read.Command());
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        commandCount = 1 + reads.Count;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        // BEGIN and COMMIT return no rows: the reader's results are the version's, then each read's.
        await reader.ReadAsync(cancellationToken);
        version = ReadSessionFactory.ReadVersion(reader, 0);
        foreach (var read in reads)
        {
            await reader.NextResultAsync(cancellationToken);
            rowsRead += await read.ReadAsync(reader, cancellationToken);
        }
    }
}
