using System.Runtime.CompilerServices;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Limits;

/// <summary>
/// Counts the objects an introspection selection (<c>__schema</c>, <c>__type</c>) returns, exactly: the schema is
/// fixed, so each <c>__Type</c>, <c>__Field</c>, <c>__InputValue</c>, <c>__EnumValue</c> and <c>__Directive</c> the
/// response would hold is walked without being built. Mirrors what <see cref="Introspection"/>'s resolvers return.
/// </summary>
/// <remarks>
/// <para>
/// A fragment over one schema element is counted once, however often it is reached (30 aliases of the same fragment
/// over the same types cost one walk), so the work is bounded by elements × fragments, not by the response. Only
/// fragments are remembered: any other selection set is reached once per element it applies to (an element's fields
/// and arguments through that element alone), so remembering it saved no work, and cost a table of one entry per
/// schema element and selection, large enough to be allocated on the large-object heap on every introspection
/// request, each allocation bringing a full collection nearer.
/// Fields selected twice under one response key are counted twice: the count is never below the response.
/// A scalar field selected under an alias (<c>d0: description</c>) costs <c>objectsPerCopy</c> objects for each such
/// key, in every object it is selected on: an alias does not multiply what a point returns, whether its copies sit
/// side by side or in repeats of an object field that execution merges (<c>type { a: description } type { b: description }</c>).
/// Stricter than <see cref="ResponseKeys"/>, which lets data fields be renamed once: no IDE aliases introspection.
/// </para>
/// <para>
/// Counting stops, with <see cref="OverLimitException"/>, as soon as the objects known to be returned pass
/// <c>objectLimit</c>: the objects of the entries counted so far, or the children walked (each walked child is at
/// least one object). Past that the verdict cannot change, and a refusal needs no exact total.
/// </para>
/// </remarks>
internal sealed class IntrospectionCounter(
    GraphQLSchema schema,
    OperationValueReader values,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    long objectLimit,
    long objectsPerCopy)
{
    private readonly Dictionary<(object Element, FragmentDefinitionNode Fragment), long> _fragmentCounts = new(ElementFragmentComparer.Instance);
    private readonly Dictionary<SelectionSetNode, ScalarKeys> _scalarKeys = new(ReferenceEqualityComparer.Instance);
    private long _walked;
    private long _counted;

    /// <summary>Schema elements visited so far: the work done, which the walk keeps below the limit.</summary>
    public long Walked => _walked;

    /// <summary>Objects the root fields counted so far return.</summary>
    public long Counted => _counted;

    /// <summary>Objects the introspection root field <paramref name="field"/> returns, itself included.</summary>
    public long CountEntry(FieldNode field, FieldDefinition definition)
    {
        // Once over the limit, further entries only add to a cost already refused.
        if (_counted > objectLimit) throw new OverLimitException(_counted);
        var objects = CountRoot(field, definition);
        _counted = SaturatingMath.Add(_counted, objects);
        if (_counted > objectLimit) throw new OverLimitException(_counted);
        return objects;
    }

    private long CountRoot(FieldNode field, FieldDefinition definition)
    {
        if (ReferenceEquals(definition, Introspection.SchemaMetaFieldDef)) return CountObject(schema, field.SelectionSet);
        if (values.ReadString(field, "name") is { } name)
            return schema.GetType(name) is { } named ? CountObject(named, field.SelectionSet) : 0;
        // A name this walk cannot read (a variable of the wrong kind, reported by execution): the largest type.
        long largest = 0;
        foreach (var type in schema.TypeMap.Values) largest = Math.Max(largest, CountObject(type, field.SelectionSet));
        return largest;
    }

    private long CountObject(object element, SelectionSetNode? selectionSet) =>
        selectionSet is null
            ? 1
            : SaturatingMath.Add(
                SaturatingMath.Add(1, CountSelections(element, selectionSet)),
                SaturatingMath.Multiply(ScalarKeysOf(selectionSet).Copies, objectsPerCopy));

    /// <summary>
    /// The scalar fields' response keys a selection set writes into each object, its fragments' merged in (the same
    /// whatever the element: which fields are scalars depends on the introspection types alone), remembered per set.
    /// </summary>
    private ScalarKeys ScalarKeysOf(SelectionSetNode selectionSet)
    {
        if (_scalarKeys.TryGetValue(selectionSet, out var known)) return known;
        // Validation rejects fragment cycles; should one get through, the set being gathered counts as empty.
        _scalarKeys[selectionSet] = ScalarKeys.Empty;
        var keys = new ScalarKeys();
        foreach (var selection in selectionSet.Selections)
        {
            if (values.IsExcluded(selection)) continue;
            switch (selection)
            {
                case FieldNode { SelectionSet: null } field:
                    keys.Add(field.Name.Value, field.Alias?.Value ?? field.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    keys.AddAll(ScalarKeysOf(inline.SelectionSet));
                    break;
                case FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment):
                    keys.AddAll(ScalarKeysOf(fragment.SelectionSet));
                    break;
            }
        }
        _scalarKeys[selectionSet] = keys;
        return keys;
    }

    private long CountFragment(object element, FragmentDefinitionNode fragment)
    {
        var key = (element, fragment);
        if (_fragmentCounts.TryGetValue(key, out var known)) return known;
        var count = CountSelections(element, fragment.SelectionSet);
        _fragmentCounts[key] = count;
        return count;
    }

    private long CountSelections(object element, SelectionSetNode selectionSet)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new SelectionMeasurer.TooDeepToMeasureException();

        long total = 0;
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            if (values.IsExcluded(selection)) continue;
            var count = selection switch
            {
                FieldNode field => CountField(element, field),
                InlineFragmentNode inline => CountSelections(element, inline.SelectionSet),
                FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) =>
                    CountFragment(element, fragment),
                _ => 0,
            };
            total = SaturatingMath.Add(total, count);
        }
        return total;
    }

    /// <summary>The objects <paramref name="field"/> of <paramref name="element"/> resolves to (none for scalars), counted.</summary>
    /// <remarks>Loops over the schema's own collections: most fields selected are scalars, and the walk visits thousands.</remarks>
    private long CountField(object element, FieldNode field)
    {
        var name = field.Name.Value;
        switch (element)
        {
            case GraphQLSchema s:
                return name switch
                {
                    "types" => CountEach(s.TypeMap.Values, field, filter: false),
                    "queryType" => CountOne(s.QueryType, field),
                    "mutationType" => CountOne(s.MutationType, field),
                    "subscriptionType" => CountOne(s.SubscriptionType, field),
                    "directives" => CountEach(s.Directives, field, filter: false),
                    _ => 0,
                };
            case GraphQLType type:
                return name switch
                {
                    "fields" when type is GraphQLImplementingType implementing => CountEach(implementing.GetFields().Values, field, filter: true),
                    "interfaces" when type is GraphQLImplementingType implementing => CountEach(implementing.GetInterfaces(), field, filter: false),
                    "possibleTypes" when type is IAbstractType abstractType => CountEach(schema.GetPossibleTypes(abstractType), field, filter: false),
                    "enumValues" when type is GraphQLEnumType enumType => CountEach(enumType.GetValues(), field, filter: true),
                    "inputFields" when type is GraphQLInputObjectType input => CountEach(input.GetFields().Values, field, filter: true),
                    "ofType" when type is GraphQLWrappingType wrapping => CountOne(wrapping.OfType, field),
                    _ => 0,
                };
            case FieldDefinition definition:
                return name switch
                {
                    "args" => CountEach(definition.Args, field, filter: true),
                    "type" => CountOne(definition.Type, field),
                    _ => 0,
                };
            case GraphQLDirective directive:
                return name == "args" ? CountEach(directive.Args, field, filter: true) : 0;
            case InputValueDefinition input:
                return name == "type" ? CountOne(input.Type, field) : 0;
            default:
                return 0;
        }
    }

    private long CountOne(object? child, FieldNode field) => child is null ? 0 : CountChild(child, field.SelectionSet);

    // As the resolvers do: with filter, deprecated elements only with includeDeprecated: true. When the argument
    // cannot be read here, all of them, so the count stays an upper bound.
    private long CountEach<T>(IEnumerable<T> items, FieldNode field, bool filter) where T : notnull
    {
        var includeDeprecated = !filter || (values.ReadBoolean(field, "includeDeprecated", absent: false) ?? true);
        long total = 0;
        foreach (var item in items)
        {
            if (!includeDeprecated && IsDeprecated(item)) continue;
            total = SaturatingMath.Add(total, CountChild(item, field.SelectionSet));
        }
        return total;
    }

    private long CountChild(object child, SelectionSetNode? selectionSet)
    {
        // Each child walked adds at least one to the count, so past the limit the cost is over any maximum:
        // stop, rather than spend unpaid work on a document whose distinct selection sets are costly to walk.
        if (++_walked > objectLimit) throw new OverLimitException(Math.Max(_walked, _counted));
        return CountObject(child, selectionSet);
    }

    private static bool IsDeprecated(object item) => item switch
    {
        FieldDefinition f => f.IsDeprecated,
        InputValueDefinition v => v.IsDeprecated,
        EnumValueDefinition e => e.IsDeprecated,
        _ => false,
    };

    /// <summary>
    /// The selection returns more objects than the limit: its cost is over any maximum. <see cref="ObjectsAtLeast"/>
    /// is what the operation's introspection was known to return when counting stopped.
    /// </summary>
    internal sealed class OverLimitException(long objectsAtLeast) : Exception
    {
        public long ObjectsAtLeast { get; } = objectsAtLeast;
    }

    /// <summary>Response keys by field name (one key written twice is one), and how many of them are aliases.</summary>
    private sealed class ScalarKeys
    {
        public static readonly ScalarKeys Empty = new();

        private readonly Dictionary<string, HashSet<string>> _byField = new(StringComparer.Ordinal);

        public long Copies { get; private set; }

        public void Add(string field, string key)
        {
            if (!_byField.TryGetValue(field, out var keys)) _byField[field] = keys = new HashSet<string>(StringComparer.Ordinal);
            if (keys.Add(key) && key != field) Copies++;
        }

        public void AddAll(ScalarKeys other)
        {
            foreach (var (field, keys) in other._byField)
            {
                foreach (var key in keys) Add(field, key);
            }
        }
    }

    private sealed class ElementFragmentComparer : IEqualityComparer<(object Element, FragmentDefinitionNode Fragment)>
    {
        public static readonly ElementFragmentComparer Instance = new();

        public bool Equals((object Element, FragmentDefinitionNode Fragment) x, (object Element, FragmentDefinitionNode Fragment) y) =>
            ReferenceEquals(x.Element, y.Element) && ReferenceEquals(x.Fragment, y.Fragment);

        public int GetHashCode((object Element, FragmentDefinitionNode Fragment) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Element), RuntimeHelpers.GetHashCode(obj.Fragment));
    }
}
