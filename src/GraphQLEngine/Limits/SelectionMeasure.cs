namespace GraphQLEngine.Limits;

/// <summary>
/// Cost (per occurrence of the enclosing object), depth and alias count of a selection set, and the response keys
/// its fields write (<see cref="Keys"/>: set on a whole selection set, for its owner to charge the copies).
/// </summary>
internal readonly record struct SelectionMeasure(long Cost, int Depth, long Aliases)
{
    public static SelectionMeasure Zero => default;

    public ResponseKeys? Keys { get; init; }

    /// <summary>Two selections side by side in one selection set (their keys are gathered by the set).</summary>
    public SelectionMeasure Beside(SelectionMeasure other, CostCounter costs) => new(
        costs.Add(Cost, other.Cost),
        Math.Max(Depth, other.Depth),
        SaturatingMath.Add(Aliases, other.Aliases));

    /// <summary>The cost of the copies among <see cref="Keys"/>, per object the selection set is applied to.</summary>
    public long CopiesCost => Keys?.CopiesCost() ?? 0;
}
