namespace GraphQLEngine.Type;

/// <summary>A list of values of <see cref="GraphQLWrappingType.OfType"/>; printed <c>[T]</c>.</summary>
public sealed class GraphQLList(GraphQLType ofType) : GraphQLWrappingType(ofType)
{
    public override string ToString() => "[" + OfType + "]";
}
