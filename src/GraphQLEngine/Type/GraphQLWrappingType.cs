namespace GraphQLEngine.Type;

/// <summary>A type that modifies another: <see cref="GraphQLList"/> or <see cref="GraphQLNonNull"/>.</summary>
public abstract class GraphQLWrappingType : GraphQLType
{
    private protected GraphQLWrappingType(GraphQLType ofType)
    {
        OfType = ofType ?? throw new ArgumentNullException(nameof(ofType));
    }

    /// <summary>The wrapped type.</summary>
    public GraphQLType OfType { get; }

    // Wrappers are created freely (`new GraphQLList(t)` in many places), so two wrappers of the same
    // type must compare equal for dictionary lookups and comparisons to behave.
    public override bool Equals(object? obj) =>
        obj is not null && obj.GetType() == GetType() && OfType.Equals(((GraphQLWrappingType)obj).OfType);

    public override int GetHashCode() => HashCode.Combine(GetType(), OfType);
}
