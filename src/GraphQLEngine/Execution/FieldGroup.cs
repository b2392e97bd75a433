using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// The field nodes of a selection that share one response key on one object type, with what does not
/// change from one parent value to the next: the field definition, the coerced arguments (or the error
/// coercing them raised) and, per runtime type, the collected sub-selection.
/// </summary>
internal sealed class FieldGroup(string responseKey, FieldNode[] nodes, FieldDefinition definition)
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    private GraphQLObjectType? _firstSubfieldType;
    private CollectedFields? _firstSubfields;
    private Dictionary<GraphQLObjectType, CollectedFields>? _moreSubfields;

    public string ResponseKey { get; } = responseKey;

    public FieldNode[] Nodes { get; } = nodes;

    public FieldDefinition Definition { get; } = definition;

    public IReadOnlyDictionary<string, object?> Arguments { get; private set; } = NoArguments;

    /// <summary>Raised for every execution of the field: graphql-js coerces arguments per parent value and fails each time.</summary>
    public GraphQLError? ArgumentsError { get; private set; }

    public void SetArguments(IReadOnlyDictionary<string, object?> arguments) =>
        Arguments = arguments.Count == 0 ? NoArguments : arguments;

    public void SetArgumentsError(GraphQLError error) => ArgumentsError = error;

    /// <summary>The sub-selection of these nodes for values of <paramref name="type"/>; collected once per type.</summary>
    public CollectedFields GetSubfields(GraphQLObjectType type, Func<GraphQLObjectType, FieldNode[], CollectedFields> collect)
    {
        if (ReferenceEquals(_firstSubfieldType, type)) return _firstSubfields!;
        if (_moreSubfields is not null && _moreSubfields.TryGetValue(type, out var known)) return known;
        var collected = collect(type, Nodes);
        if (_firstSubfieldType is null)
        {
            _firstSubfieldType = type;
            _firstSubfields = collected;
        }
        else
        {
            (_moreSubfields ??= new(ReferenceEqualityComparer.Instance))[type] = collected;
        }
        return collected;
    }
}
