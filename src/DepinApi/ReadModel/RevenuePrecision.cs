using System.Collections.Immutable;

namespace DepinApi.ReadModel;

/// <summary>
/// How the statements of one project's quarter and metric rank when a source states it more than once ("About $520
/// million" in a table, "exceeding $500 million" in the text): the most precise first — no qualifier, then "about",
/// then "nearly", then a bound ("over", "under", "up to") — then a disclosed figure before an estimate, then the
/// smallest id. The preferred statement ranks first. Chosen among rows read in C# (<c>Screening.RevenueSelection</c>)
/// and in SQL (<see cref="FigureSql.IsPreferredRevenue"/>, for compiled GraphQL), both from the values here.
/// </summary>
public static class RevenuePrecision
{
    /// <summary>Qualifiers from the most precise on; any other qualifier (a bound) ranks after all of them.</summary>
    public static readonly ImmutableArray<string?> QualifiersByPrecision = [null, "about", "nearly"];

    /// <summary>The basis that ranks first among statements equally precise.</summary>
    public const string FirstBasis = "disclosed";

    public static int QualifierRank(string? qualifier) =>
        QualifiersByPrecision.IndexOf(qualifier) is var rank and >= 0 ? rank : QualifiersByPrecision.Length;

    public static int BasisRank(string basis) => basis == FirstBasis ? 0 : 1;
}
