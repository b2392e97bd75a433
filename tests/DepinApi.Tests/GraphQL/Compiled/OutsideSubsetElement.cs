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
        new("root meta", "Query", _ => "meta { dataVersion }"),
        new("root sectorAnalytics", "Query", _ => "sectorAnalytics { methodologyVersion dataVersion }"),
        new("root changes", "Query", _ => "changes(first: 2) { totalCount nodes { table kind } }"),
        new("root rateLimit", "Query", _ => "rateLimit { limit remaining }"),
        // Written by REST's citation builder in C#, not in SQL: one home for the sentence.
        new("RevenueFigure permalink, citation and preferred", "RevenueFigure", _ => "permalink citation preferred"),
        new("SettlementMix permalink, citation and shareOf", "SettlementMix", _ => "permalink citation shareOf"),
        new("TokenPrice permalink and citation", "TokenPrice", _ => "permalink citation"),
        new("NetworkMetric permalink and citation", "NetworkMetric", _ => "citation permalink"),
        new("SectorFigure permalink and citation", "SectorFigure", _ => "permalink citation"),
    ];
}
