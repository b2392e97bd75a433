using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// One response key of a selection as execution would see it: the field it runs, its coerced arguments and the
/// document nodes merged under that key. Its sub-selection is collected on request, per concrete object type.
/// </summary>
public sealed class SelectedField
{
    private readonly FieldGroup _group;
    private readonly FieldCollector _collector;

    internal SelectedField(FieldGroup group, FieldCollector collector)
    {
        _group = group;
        _collector = collector;
    }

    /// <summary>The key the field's value has in the response (its alias, else its name).</summary>
    public string ResponseKey => _group.ResponseKey;

    /// <summary>The field's definition (for <c>__typename</c>, the introspection meta-field).</summary>
    public FieldDefinition Definition => _group.Definition;

    /// <summary>The field's name in the schema.</summary>
    public string Name => _group.Definition.Name;

    /// <summary>The coerced argument values, defaults applied; empty when <see cref="ArgumentsError"/> is set.</summary>
    public IReadOnlyDictionary<string, object?> Arguments => _group.Arguments;

    /// <summary>Whether the argument was given (or has a default), as opposed to left out.</summary>
    public bool HasArgument(string name) => _group.Arguments.ContainsKey(name);

    /// <summary>The argument's coerced value, or null when it was left out or given as null.</summary>
    public object? Argument(string name) => _group.Arguments.GetValueOrDefault(name);

    /// <summary>The error execution would raise for this field's arguments, if any.</summary>
    public Error.GraphQLError? ArgumentsError => _group.ArgumentsError;

    /// <summary>The document's field nodes merged under <see cref="ResponseKey"/>.</summary>
    public IReadOnlyList<FieldNode> Nodes => _group.Nodes;

    /// <summary>The fields selected on values of <paramref name="type"/>, in response order.</summary>
    /// <exception cref="Error.GraphQLError">A <c>@skip</c>/<c>@include</c> argument inside is invalid.</exception>
    public IReadOnlyList<SelectedField> SubfieldsFor(GraphQLObjectType type) =>
        Wrap(_group.GetSubfields(type, _collector.CollectSubfields), _collector);

    internal static SelectedField[] Wrap(CollectedFields fields, FieldCollector collector) =>
        Array.ConvertAll(fields.Groups, group => new SelectedField(group, collector));
}
