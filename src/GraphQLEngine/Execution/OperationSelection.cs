using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// What a query operation selects, resolved against the schema and the request's variables exactly as
/// execution resolves it (operation choice, variable coercion, <c>@skip</c>/<c>@include</c>, fragments, merged
/// response keys, coerced arguments): for executors that answer a whole operation at once, such as one that
/// compiles it into a single database query, instead of field by field.
/// </summary>
public sealed class OperationSelection
{
    private OperationSelection(GraphQLObjectType rootType, IReadOnlyList<SelectedField> fields, IReadOnlyDictionary<string, object?> variables)
    {
        RootType = rootType;
        Fields = fields;
        Variables = variables;
    }

    /// <summary>The query root type.</summary>
    public GraphQLObjectType RootType { get; }

    /// <summary>The root fields, in response order.</summary>
    public IReadOnlyList<SelectedField> Fields { get; }

    /// <summary>The coerced variable values.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>
    /// The selection of the request's query operation; null whenever execution would answer with a request error
    /// instead (no such operation, invalid variables, not a query, an invalid directive argument), so that the
    /// executor reports those errors itself.
    /// </summary>
    public static OperationSelection? TryCreate(ExecutionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (prepared, _) = PreparedOperation.For(request);
        if (prepared is not { Operation.Operation: OperationType.Query, Variables: { } variables }) return null;
        if (request.Schema.GetRootType(OperationType.Query) is not { } rootType) return null;

        var collector = new FieldCollector(request.Schema, prepared.Fragments, variables);
        try
        {
            return new OperationSelection(rootType, SelectedField.Wrap(collector.CollectRoot(rootType, prepared.Operation.SelectionSet), collector), variables);
        }
        catch (GraphQLError)
        {
            return null;
        }
    }
}
