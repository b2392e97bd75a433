namespace GraphQLEngine.Type;

/// <summary>The object and interface types of a schema that declare they implement one interface.</summary>
public sealed record InterfaceImplementations(
    IReadOnlyList<GraphQLObjectType> Objects,
    IReadOnlyList<GraphQLInterfaceType> Interfaces)
{
    public static readonly InterfaceImplementations None = new([], []);
}
