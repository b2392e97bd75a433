using System.Buffers;
using System.Data;
using DepinApi.Database;
using DepinApi.Errors;
using DepinApi.GraphQL.Execution;
using DepinApi.RateLimiting;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// Answers a query operation with one SQL statement that builds its whole result in Postgres, when every field it
/// selects is compiled (docs/graphql.md, "Execution: compiled, or through resolvers"); the resolvers answer every
/// other operation.
/// One statement instead of a snapshot transaction and a command per level: a round trip instead of five or more,
/// and no objects built per row on the way from the database to the response.
/// </summary>
internal sealed class CompiledQueryExecutor(
    IOptions<GraphQLApiOptions> options, CompiledStatementCache statements, ILogger<CompiledQueryExecutor> logger)
    : IGraphQLOperationExecutor
{
    /// <summary>
    /// How much longer than the answer a column holding markers may be: a marker carries its figure's row (a source
    /// sentence, its project's name), about what the citation it becomes holds, twice that with JSON's quoting.
    /// </summary>
    private const long MarkerBytesPerAnswerByte = 4;

    public async ValueTask<ExecutionResult?> TryExecuteAsync(GraphQLRequestContext context, ExecutionRequest request)
    {
        if (!options.Value.CompiledExecution || statements.Get(context, request) is not { } statement) return null;

        var http = context.HttpContext;
        // Marked first, so that a failure of the statement (the request's answer) says which path it came from.
        ExecutionTiming.MarkCompiled(http, true);
        var (version, columns) = await RunAsync(context, statement, request.CancellationToken);
        if (columns is null)
        {
            // Nothing imported yet, or a statement Postgres refused: the resolvers answer with their own errors for it.
            ExecutionTiming.MarkCompiled(http, false);
            return null;
        }

        var data = new KeyValuePair<string, object?>[statement.RootKeys.Length];
        var column = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = statement.TypeNameKeys[i] ? context.Schema.QueryType!.Name : columns[column++];
            data[i] = new(statement.RootKeys[i], value);
        }
        (context.UserContext as GraphQLRequestState)?.RecordCompiledRead(version);
        return new ExecutionResult { HasData = true, Data = new ResponseMap(data) };
    }

    /// <summary>
    /// The column <paramref name="ordinal"/>'s JSON as the response writes it, with its markers replaced when it has
    /// <paramref name="replacements"/> (<see cref="CompiledMarkers"/>).
    /// </summary>
    private static async Task<CompiledJson> ReadColumnAsync(
        NpgsqlDataReader reader, int ordinal, int length, MarkerReplacements? replacements, CancellationToken cancellationToken)
    {
        var text = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // The text as Postgres wrote it, read once.
            await using (var stream = await reader.GetStreamAsync(ordinal, cancellationToken))
                await stream.ReadExactlyAsync(text.AsMemory(0, length), cancellationToken);
            if (replacements is null)
            {
                var json = new CompiledJson(text, length);
                text = null;
                return json;
            }
            return CompiledMarkers.Replace(text.AsMemory(0, length), replacements.Of);
        }
        finally
        {
            if (text is not null) ArrayPool<byte>.Shared.Return(text);
        }
    }

    /// <summary>The data version read and each column's JSON (null for SQL NULL); no columns when nothing was read.</summary>
    /// <remarks>
    /// A statement that timed out, was cancelled or met an unavailable database throws: running the whole operation
    /// again through the resolvers would double the time it holds the database and outlast the execution timeout.
    /// </remarks>
    /// <exception cref="ResponseTooLargeException">The JSON Postgres returned is larger than the response may be.</exception>
    private async Task<(int Version, object?[]? Columns)> RunAsync(
        GraphQLRequestContext context, CompiledStatement statement, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var maxBytes = options.Value.MaxResponseBytes;
        try
        {
            // Declared first, so disposed last: the place at the gate is given back once the connection is in the pool.
            using var place = await http.RequestServices.GetRequiredService<FairSessionGate>()
                .EnterAsync(RequestCharge.PartitionKeyOf(http), cancellationToken);
            await using var connection = await http.RequestServices.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
            await using var command = statement.CreateCommand(connection);
            // The cancellation token already stops the command at the execution timeout; a command timeout within
            // what is left of it makes that the database's error rather than a timeout reported late.
            if (context.ExecutionTimeRemaining is { } remaining)
                command.CommandTimeout = Math.Clamp((int)Math.Ceiling(remaining.TotalSeconds), 1, Math.Max(1, command.CommandTimeout));
            // Sequential: each column's length is read before its content, so an oversized one is refused unread.
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow | CommandBehavior.SequentialAccess, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0)) return (0, null);
            var version = reader.GetInt32(0);

            var columns = new object?[reader.FieldCount - 1];
            MarkerReplacements? replacements = null;
            long total = 0;
            for (var i = 0; i < columns.Length; i++)
            {
                if (await reader.IsDBNullAsync(i + 1, cancellationToken)) continue;
                var length = reader.GetBytes(i + 1, 0, null, 0, 0);
                // Pooled memory, each given back once the response, which copies it, is done.
                MarkerReplacements? markers = null;
                if (statement.HasMarkers[i])
                {
                    // A marker holds its figure's row, source and project name: often longer than the citation or cursor
                    // it becomes, so the answer is measured once they are replaced. Read first only when it is within
                    // MarkerBytesPerAnswerByte times what the answer may be.
                    if (maxBytes > 0 && total + length > maxBytes * MarkerBytesPerAnswerByte) throw new ResponseTooLargeException(maxBytes);
                    markers = replacements ??= new MarkerReplacements(http, version, statement.CursorQueries);
                }
                else if (maxBytes > 0 && total + length > maxBytes)
                {
                    throw new ResponseTooLargeException(maxBytes);
                }
                var json = await ReadColumnAsync(reader, i + 1, (int)length, markers, cancellationToken);
                http.Response.RegisterForDispose(json);
                columns[i] = json.Value;
                total += json.Length;
                if (maxBytes > 0 && total > maxBytes) throw new ResponseTooLargeException(maxBytes);
            }
            return (version, columns);
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested
                                                && !DatabaseFailures.IsUnavailable(exception, requestAborted: false))
        {
            logger.LogError(exception, "Compiled GraphQL statement failed; the resolvers take the request. SQL: {Sql}", statement.Sql);
            return (0, null);
        }
    }
}
