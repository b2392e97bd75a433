namespace GraphQLEngine.Type;

/// <summary>A type that can own a selection set: <see cref="GraphQLObjectType"/>, <see cref="GraphQLInterfaceType"/>, <see cref="GraphQLUnionType"/>.</summary>
public interface ICompositeType
{
    string Name { get; }
}
