namespace GraphQLEngine.Type;

/// <summary>A type whose runtime object type must be determined: <see cref="GraphQLInterfaceType"/> or <see cref="GraphQLUnionType"/>.</summary>
public interface IAbstractType : ICompositeType
{
    /// <summary>Names the object type of a value; when null the executor falls back to each possible type's <c>IsTypeOf</c>.</summary>
    TypeResolver? ResolveType { get; }
}
