using GraphQLEngine.Error;

namespace GraphQLEngine.Limits;

/// <summary>What <see cref="QueryAnalyzer"/> measured, and the limits the operation broke (none: it may run).</summary>
/// <param name="RequestedQueryCost">Nodes the operation may return, by the cost model of <see cref="QueryAnalyzer"/>.</param>
/// <param name="Depth">Deepest chain of nested fields.</param>
/// <param name="AliasCount">Aliased fields, fragments expanded.</param>
/// <param name="Errors">One error per broken limit, with <c>extensions.code</c> from <see cref="QueryLimitCodes"/>.</param>
public sealed record QueryAnalysis(long RequestedQueryCost, int Depth, long AliasCount, IReadOnlyList<GraphQLError> Errors)
{
    /// <summary>The measurement of an operation that could not be selected (the executor reports that).</summary>
    public static QueryAnalysis Empty { get; } = new(0, 0, 0, []);

    public bool IsAllowed => Errors.Count == 0;
}
