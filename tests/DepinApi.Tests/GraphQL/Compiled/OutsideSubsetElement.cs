namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Something compiled execution does not cover, placed in a selection of <see cref="HostType"/>: one of these in an
/// otherwise compilable operation sends the whole operation through resolvers.
/// </summary>
public sealed record OutsideSubsetElement(string Name, string HostType, Func<GeneratedQueryWriter, string> Write)
{
    public override string ToString() => Name;

    /// <summary>Every kind the generator uses, each just past an edge of the subset.</summary>
    public static IReadOnlyList<OutsideSubsetElement> All { get; } =
    [
        new("Project.screening", "Project", _ => "screening { composite rank sectorRank }"),
        new("SectorSummary analytics", "SectorSummary", _ => "analytics { methodologyVersion }"),
        new("root sectorAnalytics", "Query", _ => "sectorAnalytics { methodologyVersion dataVersion }"),
        new("root changes", "Query", _ => "changes(first: 2) { totalCount nodes { table kind } }"),
        new("root rateLimit", "Query", _ => "rateLimit { limit remaining }"),
    ];
}
