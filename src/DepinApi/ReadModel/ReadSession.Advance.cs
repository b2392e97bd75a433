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

        public abstract Task<long> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken);

        public abstract void Answer();

        public abstract void Fail(Exception error);
    }

    private sealed class AdvanceRead<T>(string sql, Action<NpgsqlParameterCollection>? parameters, Func<NpgsqlDataReader, T> map)
        : AdvanceRead(sql, parameters)
    {
        private readonly List<T> rows = [];

        // Continuations run elsewhere, not inside the loop that answers the batch's other reads.
        public TaskCompletionSource<List<T>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<long> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(map(reader));
            return rows.Count;
        }

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
    /// Sends the queued reads in one batch inside one REPEATABLE READ snapshot, with the version query first and the
    /// COMMIT last, so that nothing is left to end afterwards; then answers them.
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
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN ISOLATION LEVEL REPEATABLE READ"));
            var versions = new NpgsqlBatchCommand(ReadSessionFactory.VersionSql);
            ReadSessionFactory.BindAsOf(versions.Parameters, asOf: null);
            batch.BatchCommands.Add(versions);
            foreach (var read in reads)
                batch.BatchCommands.Add(read.Command());
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            commandCount = 1 + reads.Count;
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                // BEGIN and COMMIT return no rows: the reader's results are the version's, then each read's.
                await reader.ReadAsync(cancellationToken);
                version = ReadSessionFactory.ReadVersion(reader, 0);
                foreach (var read in reads)
                {
                    await reader.NextResultAsync(cancellationToken);
                    rowsRead += await read.ReadAsync(reader, cancellationToken);
                }
            }
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
}
