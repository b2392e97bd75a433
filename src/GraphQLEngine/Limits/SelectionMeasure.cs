namespace GraphQLEngine.Limits;

/// <summary>Cost (per occurrence of the enclosing object), depth and alias count of a selection set.</summary>
internal readonly record struct SelectionMeasure(long Cost, int Depth, long Aliases)
{
    public static SelectionMeasure Zero => default;

    /// <summary>Two selections side by side in one selection set.</summary>
    public SelectionMeasure Beside(SelectionMeasure other) => new(
        SaturatingMath.Add(Cost, other.Cost),
        Math.Max(Depth, other.Depth),
        SaturatingMath.Add(Aliases, other.Aliases));
}
