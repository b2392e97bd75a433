using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Why two fields under one response name cannot be merged: either a direct reason, or the
/// conflicts found among their subfields.
/// </summary>
internal sealed class OverlappingFieldsConflictReason
{
    private OverlappingFieldsConflictReason(string responseName, string? reason, IReadOnlyList<OverlappingFieldsConflictReason>? subfieldReasons)
    {
        ResponseName = responseName;
        Reason = reason;
        SubfieldReasons = subfieldReasons;
    }

    public string ResponseName { get; }

    /// <summary>The direct reason; null when the conflict lies in the subfields.</summary>
    public string? Reason { get; }

    public IReadOnlyList<OverlappingFieldsConflictReason>? SubfieldReasons { get; }

    public static OverlappingFieldsConflictReason Direct(string responseName, string reason) => new(responseName, reason, null);

    public static OverlappingFieldsConflictReason InSubfields(string responseName, IReadOnlyList<OverlappingFieldsConflictReason> subfieldReasons) =>
        new(responseName, null, subfieldReasons);

    /// <summary>The reason as the error message words it, subfield reasons joined by " and ".</summary>
    public string Describe() =>
        Reason ?? string.Join(" and ", SubfieldReasons!.Select(sub => $"subfields \"{sub.ResponseName}\" conflict because {sub.Describe()}"));
}

/// <summary>
/// A conflict between two fields, with the field nodes on each side that lead to it: the two
/// fields themselves followed by the conflicting subfields, outermost first.
/// </summary>
internal sealed record OverlappingFieldsConflict(
    OverlappingFieldsConflictReason Reason,
    IReadOnlyList<FieldNode> Fields1,
    IReadOnlyList<FieldNode> Fields2)
{
    public string Message =>
        $"Fields \"{Reason.ResponseName}\" conflict because {Reason.Describe()}. Use different aliases on the fields to fetch both if this was intentional.";
}
