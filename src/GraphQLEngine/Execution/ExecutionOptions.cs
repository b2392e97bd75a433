namespace GraphQLEngine.Execution;

/// <summary>Knobs of one execution.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The message that replaces the messages of unexpected exceptions when <see cref="MaskUnexpectedErrors"/> is set.</summary>
    public const string UnexpectedErrorMessage = "Unexpected error.";

    public static ExecutionOptions Default { get; } = new();

    /// <summary>
    /// Stop coercing variables after this many errors (graphql-js's <c>maxCoercionErrors</c>, 50 by default);
    /// null for no limit.
    /// </summary>
    public int? MaxCoercionErrors { get; init; } = 50;

    /// <summary>
    /// When set, a resolver exception that is not a <see cref="Error.GraphQLError"/> is reported as
    /// <see cref="UnexpectedErrorMessage"/>, so that internal details (connection strings, SQL, stack
    /// fragments in messages) never reach a public client. The exception stays available as
    /// <see cref="Error.GraphQLError.OriginalError"/> for logging. Off by default, as in graphql-js.
    /// </summary>
    public bool MaskUnexpectedErrors { get; init; }

    /// <summary>
    /// A resolver exception for which this returns true ends the whole execution instead of becoming a field error:
    /// <see cref="Executor.ExecuteAsync"/> throws it, once the resolvers still running have stopped. For failures that
    /// every other field would meet too (the database is down), which the caller answers for the whole request.
    /// </summary>
    public Func<Exception, bool>? AbortsExecution { get; init; }
}
