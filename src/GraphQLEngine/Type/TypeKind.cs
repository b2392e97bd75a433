namespace GraphQLEngine.Type;

/// <summary>Introspection's <c>__TypeKind</c> values (spelled <c>SCALAR</c>, <c>INPUT_OBJECT</c>, … on the wire).</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
