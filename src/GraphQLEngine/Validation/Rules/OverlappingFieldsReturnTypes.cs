using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>Whether two fields' return types could not describe the same response value.</summary>
internal static class OverlappingFieldsReturnTypes
{
    /// <summary>
    /// List and non-null wrappers must match exactly and leaf types must be the same type. Composite
    /// types never conflict here: their subfields are compared one by one instead.
    /// </summary>
    public static bool Conflict(GraphQLType type1, GraphQLType type2)
    {
        if (type1 is GraphQLList list1)
            return type2 is not GraphQLList list2 || Conflict(list1.OfType, list2.OfType);
        if (type2 is GraphQLList) return true;

        if (type1 is GraphQLNonNull nonNull1)
            return type2 is not GraphQLNonNull nonNull2 || Conflict(nonNull1.OfType, nonNull2.OfType);
        if (type2 is GraphQLNonNull) return true;

        if (type1.IsLeafType() || type2.IsLeafType()) return !ReferenceEquals(type1, type2);
        return false;
    }
}
