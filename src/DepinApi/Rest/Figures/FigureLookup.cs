using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Figures;

/// <summary>
/// One figure by its permanent id, as the permalink endpoints ask for it (the read model's lookups), and the 404 for
/// an id that is not there.
/// </summary>
public static class FigureLookup
{
    public static Task<RevenueFigure?> RevenueAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        session.RevenueFigureAsync(id, cancellationToken);

    public static Task<TokenPrice?> TokenPriceAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        session.TokenPriceAsync(id, cancellationToken);

    public static Task<SettlementMix?> SettlementMixAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        session.SettlementMixFigureAsync(id, cancellationToken);

    public static Task<NetworkMetric?> NetworkMetricAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        session.NetworkMetricAsync(id, cancellationToken);

    public static Task<SectorFigure?> SectorFigureAsync(ReadSession session, string id, CancellationToken cancellationToken) =>
        session.SectorFigureAsync(id, cancellationToken);

    /// <summary>404 naming the figure; says whether the id exists in another version, which helps with old permalinks.</summary>
    public static ProblemHttpResult NotFound(string kind, string id, ReadSession session) =>
        RestProblems.NotFound("figure-not-found", $"No such {kind}.",
            $"No {kind} has the id '{id}' in data version {session.Version.Id}. Ids never change once published; "
            + "check the spelling, or add asOf to look at an earlier version.",
            new Dictionary<string, object?> { ["parameter"] = "id", ["value"] = id });
}
