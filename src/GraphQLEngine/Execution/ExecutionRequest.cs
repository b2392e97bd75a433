using System.Collections.Concurrent;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>What <see cref="Executor.ExecuteAsync"/> runs: a validated document against a schema, with the request's inputs.</summary>
public sealed class ExecutionRequest
{
    public required GraphQLSchema Schema { get; init; }

    /// <summary>The parsed document; the caller has validated it against <see cref="Schema"/>.</summary>
    public required DocumentNode Document { get; init; }

    /// <summary>Which operation to run; may be null when the document has exactly one.</summary>
    public string? OperationName { get; init; }

    /// <summary>
    /// Raw variable values by name, as they arrived: null, an <see cref="IReadOnlyDictionary{TKey,TValue}"/> or
    /// <see cref="IDictionary{TKey,TValue}"/> of plain values, or a JSON object as <see cref="System.Text.Json.JsonElement"/>
    /// or <see cref="System.Text.Json.JsonDocument"/>.
    /// </summary>
    public object? VariableValues { get; init; }

    /// <summary>
    /// The operation already selected from <see cref="Document"/> and <see cref="VariableValues"/> already coerced for
    /// it, when the caller did that before execution (say, to measure the operation's cost); null to have it done here.
    /// </summary>
    public PreparedOperation? Prepared { get; init; }

    /// <summary>The value the root fields are resolved against.</summary>
    public object? RootValue { get; init; }

    /// <summary>Application state handed to every resolver (graphql-js's <c>contextValue</c>).</summary>
    public object? UserContext { get; init; }

    /// <summary>The request's DI scope, handed to every resolver.</summary>
    public IServiceProvider? RequestServices { get; init; }

    /// <summary>Aborts execution: <see cref="Executor.ExecuteAsync"/> then throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Per-request storage shared by all resolvers (see <see cref="ResolveContext.Items"/>); a new one when null.</summary>
    public ConcurrentDictionary<object, object?>? Items { get; init; }

    public ExecutionOptions Options { get; init; } = ExecutionOptions.Default;
}
