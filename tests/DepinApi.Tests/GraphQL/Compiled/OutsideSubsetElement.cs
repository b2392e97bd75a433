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
        new("edges", "ProjectConnection", _ => "edges { cursor node { slug } }"),
        new("endCursor", "PageInfo", _ => "endCursor"),
        new("startCursor", "PageInfo", _ => "startCursor"),
        new("after", "Query", w =>
            $"{w.NewAlias("projects")}: projects(first: 2, after: {w.Value("String", GraphQLValue.String(w.Seed.FirstPageEndCursor))}) {{ nodes {{ slug }} totalCount }}"),
        new("asOf on project", "Query", w =>
            $"{w.NewAlias("project")}: project(slug: {GraphQLValue.String(w.OneOf(w.Seed.Slugs)).Literal}, asOf: {w.Value("AsOf", GraphQLValue.String("1"))}) {{ slug name }}"),
        new("asOf on projects", "Query", w =>
            $"{w.NewAlias("projects")}: projects(first: 3, asOf: {w.Value("AsOf", GraphQLValue.String("1"))}) {{ nodes {{ slug }} }}"),
        // Only the value differs from a compilable revenue field, and it may come in a variable.
        new("revenue units other than LIN", "Project", w =>
            $"{w.NewAlias("revenue")}: revenue(units: {w.Value("Units!", GraphQLValue.Enum(w.OneOf(["PCH", "CHG", "PC1"])))}) {{ quarter metric value }}"),
        new("Project.sources", "Project", _ => "sources { id publisher }"),
        new("Project.screening", "Project", _ => "screening { composite rank sectorRank }"),
        new("root sectors", "Query", _ => "sectors { sector projectCount }"),
        new("root meta", "Query", _ => "meta { dataVersion }"),
        new("asOf on a root figure list", "Query", w =>
            $"{w.NewAlias("settlementMix")}: settlementMix(asOf: {w.Value("AsOf", GraphQLValue.String("1"))}) {{ id stablecoinShare }}"),
        new("root revenue units other than LIN", "Query", w =>
            $"{w.NewAlias("revenue")}: revenue(quarter: \"2025Q3\", units: {w.Value("Units!", GraphQLValue.Enum(w.OneOf(["PCH", "CHG", "PC1"])))}) {{ id value }}"),
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
