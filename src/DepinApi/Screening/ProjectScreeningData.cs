using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// Everything the screening of one project reads, already loaded: the calculators do no I/O, so
/// the same rows always give the same scores and tests can build the rows by hand.
/// </summary>
/// <param name="Prices">The project's price rows that a rule may use; loaded from the database, only those of the newest day that states a 1-year change.</param>
public sealed record ProjectScreeningData(
    Project Project,
    IReadOnlyList<SettlementMix> Settlement,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<RevenueFigure> Revenue,
    IReadOnlyList<TokenPrice> Prices,
    IReadOnlyList<NetworkMetric> Metrics);
