using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>graphql-js's <c>typeComparators</c>: type equality, subtyping and overlap.</summary>
public static class TypeComparators
{
    /// <summary>Same named type under the same wrappers.</summary>
    public static bool IsEqualType(GraphQLType typeA, GraphQLType typeB)
    {
        if (ReferenceEquals(typeA, typeB)) return true;
        if (typeA is GraphQLNonNull nonNullA && typeB is GraphQLNonNull nonNullB) return IsEqualType(nonNullA.OfType, nonNullB.OfType);
        if (typeA is GraphQLList listA && typeB is GraphQLList listB) return IsEqualType(listA.OfType, listB.OfType);
        return false;
    }

    /// <summary>
    /// Whether a value of <paramref name="maybeSubType"/> can always stand where <paramref name="superType"/>
    /// is expected: non-null is a subtype of nullable, lists compare by item, objects/interfaces are
    /// subtypes of the interfaces/unions that contain them.
    /// </summary>
    public static bool IsTypeSubTypeOf(GraphQLSchema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (IsEqualType(maybeSubType, superType)) return true;
        if (superType is GraphQLNonNull superNonNull)
        {
            return maybeSubType is GraphQLNonNull subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }
        if (maybeSubType is GraphQLNonNull nonNull) return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        if (superType is GraphQLList superList)
        {
            return maybeSubType is GraphQLList subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }
        if (maybeSubType is GraphQLList) return false;
        return superType is IAbstractType abstractType
               && maybeSubType is GraphQLImplementingType implementing
               && schema.IsSubType(abstractType, implementing);
    }

    /// <summary>Whether some object type could be both <paramref name="typeA"/> and <paramref name="typeB"/>.</summary>
    public static bool DoTypesOverlap(GraphQLSchema schema, ICompositeType typeA, ICompositeType typeB)
    {
        if (ReferenceEquals(typeA, typeB)) return true;
        if (typeA is IAbstractType abstractA)
        {
            return typeB is IAbstractType abstractB
                ? AnyPossibleTypeIsSubType(schema, abstractA, abstractB)
                : schema.IsSubType(abstractA, typeB);
        }
        return typeB is IAbstractType abstractTypeB && schema.IsSubType(abstractTypeB, typeA);
    }

    // A loop rather than a lambda: the lambda's closure was made on every call, also for the equal types most calls
    // compare, once per fragment spread of a document.
    private static bool AnyPossibleTypeIsSubType(GraphQLSchema schema, IAbstractType abstractA, IAbstractType abstractB)
    {
        foreach (var type in schema.GetPossibleTypes(abstractA))
            if (schema.IsSubType(abstractB, type)) return true;
        return false;
    }
}
