using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Limits;

/// <summary>
/// Measures an operation's depth, aliases and cost, and reports the limits of <see cref="QueryLimitOptions"/> it
/// breaks. Run it on a document that passed validation, before execution.
/// </summary>
/// <remarks>
/// <para>
/// The cost is the number of nodes the operation may return, as GitHub counts them: each field that returns a list,
/// or takes <c>first</c>/<c>last</c>, requests as many nodes as its page size, and multiplies everything selected
/// below it by that size. <c>repositories(first: 50) { nodes { issues(first: 10) { nodes { title } } } }</c> costs
/// 50 + 50 × 10 = 550.
/// </para>
/// <list type="bullet">
/// <item>Page size: the larger of <c>first</c> and <c>last</c> (from literals, variables, or the argument's default).
/// A field that takes them must be given one, at most <see cref="QueryLimitOptions.MaxPageSize"/>.</item>
/// <item>A list field without <c>first</c>/<c>last</c> returns <see cref="CostMetadata.ListSize"/> items if declared,
/// else <see cref="QueryLimitOptions.DefaultListSize"/>.</item>
/// <item>A field taking <c>first</c>/<c>last</c> that returns a single object is a connection: a list directly
/// inside it (<c>edges</c> or <c>nodes</c>) is its page, already counted, so it costs nothing more; each further list
/// (both <c>edges</c> and <c>nodes</c>, or an alias of one) is the page again and costs it again.</item>
/// <item>A field that costs nothing of its own (a scalar, a list of scalars, an embedded object) selected under more
/// than one response key costs, for each key after the first, one point per object it is written in (a list of
/// scalars: its size), so aliases cannot multiply what a point returns (<see cref="ResponseKeys"/>).</item>
/// <item>Each node costs 1 if it is an object, interface or union, 0 if it is a scalar or enum, unless the field
/// declares <see cref="CostMetadata.Cost"/>; single-valued fields cost 0 unless they declare one.</item>
/// <item>Fragments count once per spread (measured once each); both branches of a type condition count, so the cost
/// is an upper bound. Selections that <c>@skip</c>/<c>@include</c> leave out (by a literal or a variable) count nothing.</item>
/// <item>A part of the cost that alone is over <see cref="QueryLimitOptions.MaxCost"/> is not multiplied further, nor
/// added to another such part (<see cref="CostCounter"/>), so a chain of fragments that each spread the next two, whose
/// cost nearly doubles at every link, never forms a number far above the maximum. The error then reports the cost as
/// "at least" what was counted, as for introspection below. A cost within the maximum is always exact.</item>
/// <item>Introspection fields (<c>__schema</c>, <c>__type</c>) cost the objects they return, counted from the schema,
/// at <see cref="QueryLimitOptions.IntrospectionObjectsPerPoint"/>. Counting stops once they are known to cost more
/// than <see cref="QueryLimitOptions.MaxCost"/>; the error then reports the cost as "at least" what was counted
/// (<c>extensions.atLeast</c> instead of <c>actual</c>), and so does <see cref="QueryAnalysis.RequestedQueryCost"/>.</item>
/// </list>
/// <para>
/// An operation nesting selections through fragments more deeply than the thread's stack allows measuring (possible
/// only without a token limit) is refused with <see cref="TooDeepToProcessMessage"/>, code
/// <see cref="QueryLimitCodes.TooDeep"/>, whatever the limits; its analysis holds only that error.
/// </para>
/// </remarks>
public static class QueryAnalyzer
{
    /// <summary>The error of an operation nested too deeply to be measured at all.</summary>
    public const string TooDeepToProcessMessage = "Query is nested too deeply to process.";

    /// <summary>Measures the operation named <paramref name="operationName"/> (or the only one) of <paramref name="document"/>.</summary>
    /// <param name="schema">The schema the document was validated against.</param>
    /// <param name="document">A valid document.</param>
    /// <param name="operationName">Which operation will run; may be null when the document has one.</param>
    /// <param name="variables">Variable values as received (plain values or JSON elements); used for page sizes.</param>
    /// <param name="options">The limits; <see cref="QueryLimitOptions.Default"/> when null.</param>
    /// <returns><see cref="QueryAnalysis.Empty"/> when no operation can be selected: the executor reports that.</returns>
    public static QueryAnalysis Analyze(
        GraphQLSchema schema,
        DocumentNode document,
        string? operationName = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        QueryLimitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= QueryLimitOptions.Default;

        var (operation, _, _) = OperationSelector.Select(document, operationName);
        return operation is null ? QueryAnalysis.Empty : Analyze(schema, document, operation, variables, coercedVariables: null, options);
    }

    /// <summary>Measures an operation already selected and its variables already coerced (see <see cref="PreparedOperation"/>).</summary>
    /// <param name="schema">The schema the document was validated against.</param>
    /// <param name="document">A valid document.</param>
    /// <param name="prepared">The operation that will run.</param>
    /// <param name="variables">Variable values as received (plain values or JSON elements); used for page sizes.</param>
    /// <param name="options">The limits; <see cref="QueryLimitOptions.Default"/> when null.</param>
    public static QueryAnalysis AnalyzePrepared(
        GraphQLSchema schema,
        DocumentNode document,
        PreparedOperation prepared,
        IReadOnlyDictionary<string, object?>? variables = null,
        QueryLimitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prepared);
        return Analyze(schema, document, prepared.Operation, variables, prepared.Variables, options ?? QueryLimitOptions.Default);
    }

    private static QueryAnalysis Analyze(
        GraphQLSchema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        IReadOnlyDictionary<string, object?>? coercedVariables,
        QueryLimitOptions options)
    {
        if (schema.GetRootType(operation.Operation) is not { } rootType) return QueryAnalysis.Empty;

        var measurer = new SelectionMeasurer(schema, document, operation, variables, options, coercedVariables);
        SelectionMeasure measure;
        try
        {
            measure = measurer.MeasureOperation(rootType);
        }
        catch (SelectionMeasurer.TooDeepToMeasureException)
        {
            return new QueryAnalysis(0, 0, 0, [QueryLimitErrors.TooDeepToProcess()]);
        }

        var errors = new List<Error.GraphQLError>();
        if (options.MaxDepth > 0 && measure.Depth > options.MaxDepth)
            errors.Add(QueryLimitErrors.TooDeep(measure.Depth, options.MaxDepth));
        if (options.MaxAliases > 0 && measure.Aliases > options.MaxAliases)
            errors.Add(QueryLimitErrors.TooManyAliases(measure.Aliases, options.MaxAliases));
        if (options.MaxAliasLength > 0 && LongestAlias(document) is { } longest && longest.Alias!.Value.Length > options.MaxAliasLength)
            errors.Add(QueryLimitErrors.AliasTooLong(longest, options.MaxAliasLength));
        errors.AddRange(measurer.PageSizeErrors);
        var cost = measure.Cost;
        if (options.MaxCost > 0 && cost > options.MaxCost)
        {
            // Counting stopped once the verdict was certain: the exact cost is unknown, a lower bound is not.
            errors.Add(measurer.CountingStopped
                ? QueryLimitErrors.CostAtLeast(cost, options.MaxCost)
                : QueryLimitErrors.CostTooHigh(cost, options.MaxCost));
        }

        return new QueryAnalysis(cost, measure.Depth, measure.Aliases, errors);
    }

    /// <summary>The field with the longest alias anywhere in the document (unused fragments fail validation).</summary>
    private static FieldNode? LongestAlias(DocumentNode document)
    {
        FieldNode? longest = null;
        var pending = new Stack<SelectionSetNode>();
        foreach (var definition in document.Definitions)
        {
            if (definition is OperationDefinitionNode operation) pending.Push(operation.SelectionSet);
            else if (definition is FragmentDefinitionNode fragment) pending.Push(fragment.SelectionSet);
        }
        while (pending.TryPop(out var selectionSet))
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (selection is FieldNode { Alias: { } alias } field && alias.Value.Length > (longest?.Alias!.Value.Length ?? 0))
                    longest = field;
                var children = selection switch
                {
                    FieldNode f => f.SelectionSet,
                    InlineFragmentNode inline => inline.SelectionSet,
                    _ => null,
                };
                if (children is not null) pending.Push(children);
            }
        }
        return longest;
    }
}
