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
/// A selection of one schema element is counted once, however often it is reached (30 aliases of the same fragment
/// over the same types cost one walk), so the work is bounded by elements × selection sets, not by the response.
/// Fields selected twice under one response key are counted twice: the count is never below the response.
/// </remarks>
internal sealed class IntrospectionCounter(
    GraphQLSchema schema,
    OperationValueReader values,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    long walkLimit)
{
    private readonly Dictionary<(object Element, SelectionSetNode Selection), long> _counts = new(ElementSelectionComparer.Instance);
    private long _walked;

    /// <summary>Objects the introspection root field <paramref name="field"/> returns, itself included.</summary>
    public long CountEntry(FieldNode field, FieldDefinition definition)
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
        selectionSet is null ? 1 : SaturatingMath.Add(1, CountSelections(element, selectionSet));

    private long CountSelections(object element, SelectionSetNode selectionSet)
    {
        var key = (element, selectionSet);
        if (_counts.TryGetValue(key, out var known)) return known;
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new SelectionMeasurer.TooDeepToMeasureException();

        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            if (values.IsExcluded(selection)) continue;
            var count = selection switch
            {
                FieldNode field => CountField(element, field),
                InlineFragmentNode inline => CountSelections(element, inline.SelectionSet),
                FragmentSpreadNode spread when fragments.TryGetValue(spread.Name.Value, out var fragment) =>
                    CountSelections(element, fragment.SelectionSet),
                _ => 0,
            };
            total = SaturatingMath.Add(total, count);
        }
        _counts[key] = total;
        return total;
    }

    private long CountField(object element, FieldNode field)
    {
        long total = 0;
        foreach (var child in Children(element, field))
        {
            // Each child walked adds at least one to the count, so past the limit the cost is over any maximum:
            // stop, rather than spend unpaid work on a document whose distinct selection sets are costly to walk.
            if (++_walked > walkLimit) throw new OverLimitException();
            total = SaturatingMath.Add(total, CountObject(child, field.SelectionSet));
        }
        return total;
    }

    /// <summary>The objects <paramref name="field"/> of <paramref name="element"/> resolves to (none for scalars).</summary>
    private IEnumerable<object> Children(object element, FieldNode field)
    {
        var name = field.Name.Value;
        switch (element)
        {
            case GraphQLSchema s:
                return name switch
                {
                    "types" => s.TypeMap.Values,
                    "queryType" => Single(s.QueryType),
                    "mutationType" => Single(s.MutationType),
                    "subscriptionType" => Single(s.SubscriptionType),
                    "directives" => s.Directives,
                    _ => [],
                };
            case GraphQLType type:
                return name switch
                {
                    "fields" when type is GraphQLImplementingType implementing => Filter(implementing.GetFields().Values, field),
                    "interfaces" when type is GraphQLImplementingType implementing => implementing.GetInterfaces(),
                    "possibleTypes" when type is IAbstractType abstractType => schema.GetPossibleTypes(abstractType),
                    "enumValues" when type is GraphQLEnumType enumType => Filter(enumType.GetValues(), field),
                    "inputFields" when type is GraphQLInputObjectType input => Filter(input.GetFields().Values, field),
                    "ofType" when type is GraphQLWrappingType wrapping => [wrapping.OfType],
                    _ => [],
                };
            case FieldDefinition definition:
                return name switch
                {
                    "args" => Filter(definition.Args, field),
                    "type" => [definition.Type],
                    _ => [],
                };
            case GraphQLDirective directive:
                return name == "args" ? Filter(directive.Args, field) : [];
            case InputValueDefinition input:
                return name == "type" ? [input.Type] : [];
            default:
                return [];
        }
    }

    private static IEnumerable<object> Single(object? value) => value is null ? [] : [value];

    // As the resolvers do: deprecated elements only with includeDeprecated: true. When the argument cannot be read
    // here, all of them, so the count stays an upper bound.
    private IEnumerable<object> Filter<T>(IEnumerable<T> items, FieldNode field) where T : notnull
    {
        var includeDeprecated = values.ReadBoolean(field, "includeDeprecated", absent: false) ?? true;
        foreach (var item in items)
        {
            var deprecated = item switch
            {
                FieldDefinition f => f.IsDeprecated,
                InputValueDefinition v => v.IsDeprecated,
                EnumValueDefinition e => e.IsDeprecated,
                _ => false,
            };
            if (includeDeprecated || !deprecated) yield return item;
        }
    }

    /// <summary>The selection returns more objects than the walk limit: its cost is over any maximum.</summary>
    internal sealed class OverLimitException : Exception;

    private sealed class ElementSelectionComparer : IEqualityComparer<(object Element, SelectionSetNode Selection)>
    {
        public static readonly ElementSelectionComparer Instance = new();

        public bool Equals((object Element, SelectionSetNode Selection) x, (object Element, SelectionSetNode Selection) y) =>
            ReferenceEquals(x.Element, y.Element) && ReferenceEquals(x.Selection, y.Selection);

        public int GetHashCode((object Element, SelectionSetNode Selection) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Element), RuntimeHelpers.GetHashCode(obj.Selection));
    }
}
