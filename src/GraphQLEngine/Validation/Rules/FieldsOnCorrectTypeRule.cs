using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Field Selections (spec §5.3.1): every selected field exists on its parent type (or is a meta-field such as
/// <c>__typename</c>). Suggests types to spread on first, else similarly named fields, ordered as graphql-js does.
/// </summary>
public static class FieldsOnCorrectTypeRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not FieldNode field || context.GetParentType() is not { } type || context.GetFieldDef() is not null)
                return VisitAction.Continue;

            var fieldName = field.Name.Value;
            var suggestion = DidYouMean.Format("to use an inline fragment on", SuggestedTypeNames(context.Schema, type, fieldName));
            if (suggestion.Length == 0) suggestion = DidYouMean.Format(SuggestedFieldNames(type, fieldName));
            context.ReportError(new GraphQLError($"Cannot query field \"{fieldName}\" on type \"{type.Name}\"." + suggestion, [field]));
            return VisitAction.Continue;
        }
    }

    /// <summary>
    /// For an abstract parent: the possible types and their interfaces that define the field, most referenced
    /// first, then super types before subtypes, then by name.
    /// </summary>
    private static IReadOnlyList<string> SuggestedTypeNames(GraphQLSchema schema, ICompositeType type, string fieldName)
    {
        if (type is not IAbstractType abstractType) return [];
        var suggestedTypes = new List<GraphQLImplementingType>();
        var usageCount = new Dictionary<string, int>();
        foreach (var possibleType in schema.GetPossibleTypes(abstractType))
        {
            if (possibleType.GetField(fieldName) is null) continue;
            if (!suggestedTypes.Contains(possibleType)) suggestedTypes.Add(possibleType);
            usageCount[possibleType.Name] = 1;
            foreach (var possibleInterface in possibleType.GetInterfaces())
            {
                if (possibleInterface.GetField(fieldName) is null) continue;
                if (!suggestedTypes.Contains(possibleInterface)) suggestedTypes.Add(possibleInterface);
                usageCount[possibleInterface.Name] = usageCount.GetValueOrDefault(possibleInterface.Name) + 1;
            }
        }

        // OrderBy is a stable sort, like the JavaScript engine's.
        return suggestedTypes
            .OrderBy(t => t, Comparer<GraphQLImplementingType>.Create((typeA, typeB) =>
            {
                var usageCountDiff = usageCount[typeB.Name] - usageCount[typeA.Name];
                if (usageCountDiff != 0) return usageCountDiff;
                if (typeA is GraphQLInterfaceType interfaceA && schema.IsSubType(interfaceA, typeB)) return -1;
                if (typeB is GraphQLInterfaceType interfaceB && schema.IsSubType(interfaceB, typeA)) return 1;
                return NaturalCompare.Compare(typeA.Name, typeB.Name);
            }))
            .Select(t => t.Name)
            .ToList();
    }

    /// <summary>For an object or interface parent: its field names within typo distance; unions define no fields.</summary>
    private static IReadOnlyList<string> SuggestedFieldNames(ICompositeType type, string fieldName) =>
        type is GraphQLImplementingType implementing
            ? SuggestionList.Suggest(fieldName, implementing.GetFields().Keys)
            : [];
}
