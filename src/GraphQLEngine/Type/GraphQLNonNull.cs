using GraphQLEngine.Utilities;

namespace GraphQLEngine.Type;

/// <summary>A value of <see cref="GraphQLWrappingType.OfType"/> that is never null; printed <c>T!</c>.</summary>
public sealed class GraphQLNonNull : GraphQLWrappingType
{
    /// <exception cref="ArgumentException"><paramref name="ofType"/> is itself non-null.</exception>
    public GraphQLNonNull(GraphQLType ofType) : base(ofType)
    {
        if (ofType is GraphQLNonNull)
        {
            throw new ArgumentException($"Expected {Inspector.Inspect(ofType)} to be a GraphQL nullable type.");
        }
    }

    public override string ToString() => OfType + "!";
}
