using GraphQLEngine.Error;

namespace GraphQLEngine.Execution;

/// <summary>
/// The response of one execution (graphql-js's <c>ExecutionResult</c>). A request error (no operation to
/// run, invalid variables) has errors and no <c>data</c> entry at all (<see cref="HasData"/> false); once
/// execution started, <c>data</c> is present, and null when a null reached the root.
/// </summary>
public sealed class ExecutionResult
{
    /// <summary>The response data in selection order; null when absent or when a null reached the root.</summary>
    public ResponseMap? Data { get; init; }

    /// <summary>Whether the response has a <c>data</c> entry (possibly null).</summary>
    public bool HasData { get; init; }

    /// <summary>Errors in the order graphql-js reports them for synchronous resolvers: by position in the response.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; init; } = [];

    /// <summary>Written as the response's <c>extensions</c> entry when not empty; callers may add to it (e.g. cost, timing).</summary>
    public IDictionary<string, object?> Extensions { get; } = new OrderedDictionary<string, object?>();

    /// <summary>A response with errors and no <c>data</c> entry.</summary>
    public static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors) => new() { Errors = errors };

    /// <summary>A response with <c>data: null</c> and the given errors.</summary>
    public static ExecutionResult NullData(IReadOnlyList<GraphQLError> errors) => new() { HasData = true, Errors = errors };
}
