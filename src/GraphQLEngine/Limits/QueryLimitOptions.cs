namespace GraphQLEngine.Limits;

/// <summary>
/// Bounds on how much work one operation may ask for, checked after validation and before execution
/// (see <see cref="QueryAnalyzer"/>). A limit of zero or less is not enforced, but still measured.
/// </summary>
/// <remarks>
/// The defaults admit graphql-js's <c>getIntrospectionQuery()</c>, which IDEs send on start-up: it is 15 fields deep
/// and costs one point per <see cref="IntrospectionObjectsPerPoint"/> objects it returns.
/// </remarks>
public sealed record QueryLimitOptions
{
    /// <summary>The defaults below.</summary>
    public static QueryLimitOptions Default { get; } = new();

    /// <summary>Deepest chain of nested fields, fragments expanded; <c>{ a { b } }</c> has depth 2.</summary>
    public int MaxDepth { get; init; } = 15;

    /// <summary>Most aliased fields in the operation, counting a fragment's aliases once per spread.</summary>
    public int MaxAliases { get; init; } = 30;

    /// <summary>
    /// Longest alias, in characters. An alias is written into every object its selection is applied to, and renaming a
    /// field costs nothing: without a bound a 16 KB alias on a field of a list would be 16 KB in every item, whatever
    /// the cost.
    /// </summary>
    public int MaxAliasLength { get; init; } = 32;

    /// <summary>Most nodes the operation may request; see <see cref="QueryAnalyzer"/> for the cost model.</summary>
    public long MaxCost { get; init; } = 10_000;

    /// <summary>
    /// Largest <c>first</c>/<c>last</c> a field taking those arguments may be given. Such a field must be given one
    /// (or declare a default value for it), whatever this is set to; zero or less lifts only the maximum.
    /// </summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>
    /// Items assumed for a list field that takes no <c>first</c>/<c>last</c> and declares no
    /// <see cref="CostMetadata.ListSize"/>.
    /// </summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>
    /// How many introspection objects one point pays for. <c>__schema</c> and <c>__type</c> selections are not
    /// charged by list sizes: the schema is fixed, so the objects they return (each <c>__Type</c>, <c>__Field</c>,
    /// <c>__InputValue</c>, <c>__EnumValue</c>, <c>__Directive</c>) are counted exactly, and each such root field costs
    /// that count divided by this, rounded up. Zero or less: introspection costs nothing (it still counts towards
    /// depth and aliases).
    /// </summary>
    public int IntrospectionObjectsPerPoint { get; init; } = 10;
}
