using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// A field as it appears in a selection set: the type it is selected on (whatever the document
/// names, so possibly unknown or not composite), its node, and its definition when the schema has one.
/// </summary>
internal sealed record OverlappingFieldsNodeAndDef(GraphQLType? ParentType, FieldNode Node, FieldDefinition? Definition);

/// <summary>
/// The fields of a selection set with its inline fragments flattened in, grouped by response name in
/// document order, together with the names of the fragments it spreads (each once, first use first).
/// Instances are compared by reference: one instance per selection set, shared through the cache.
/// </summary>
internal sealed class OverlappingFieldsFieldMap
{
    // Made on the first spread: most selection sets spread no fragment, and a map is built for each. The set only once
    // the list is long enough for a search of it to cost more: most that spread any spread one or two.
    private List<string>? _fragmentNames;
    private HashSet<string>? _fragmentNameSet;
    private const int NamesSearchedInList = 8;

    public OrderedDictionary<string, List<OverlappingFieldsNodeAndDef>> FieldsByResponseName { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> FragmentNames => (IReadOnlyList<string>?)_fragmentNames ?? [];

    /// <summary>The fragments these fields were compared with so far; a field, so that it is changed in place.</summary>
    public OverlappingFieldsComparedFragments ComparedFragments;

    public static OverlappingFieldsFieldMap Collect(GraphQLSchema schema, GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        var map = new OverlappingFieldsFieldMap();
        map.CollectFrom(schema, parentType, selectionSet);
        return map;
    }

    private void CollectFrom(GraphQLSchema schema, GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            switch (selection)
            {
                case FieldNode field:
                    // Unions and non-composite types have no fields to look up; the field is still compared by name.
                    var definition = parentType is GraphQLImplementingType implementing ? implementing.GetField(field.Name.Value) : null;
                    var responseName = field.ResponseKey;
                    if (!FieldsByResponseName.TryGetValue(responseName, out var fields))
                        FieldsByResponseName[responseName] = fields = [];
                    fields.Add(new OverlappingFieldsNodeAndDef(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    AddFragmentName(spread.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? Utilities.TypeFromAst.Convert(schema, condition) : parentType;
                    CollectFrom(schema, inlineType, inline.SelectionSet);
                    break;
            }
        }
    }

    private void AddFragmentName(string name)
    {
        var names = _fragmentNames ??= [];
        if (_fragmentNameSet is null)
        {
            if (names.Contains(name)) return;
            names.Add(name);
            if (names.Count > NamesSearchedInList) _fragmentNameSet = new HashSet<string>(names, StringComparer.Ordinal);
            return;
        }
        if (_fragmentNameSet.Add(name)) names.Add(name);
    }
}
