using System.Globalization;
using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>Builds the <see cref="ScreeningInput"/> that cites a read-model row.</summary>
internal static class Inputs
{
    public static ScreeningInput Of(SettlementMix row, string role, decimal? value, string? label) =>
        new(role, "settlement_mix", row.Id, value, label, Day(row.AsOf), row.Basis, row.Qualifier, row.Source, row.Quote);

    public static ScreeningInput Of(Evidence row) =>
        new(row.Kind, "evidence", row.Id, null, row.Label, row.Period, row.Basis, null, row.Source, row.Quote);

    public static ScreeningInput Of(RevenueFigure row, string role) =>
        new(role, "revenue", row.Id, row.AmountUsd, null, row.Quarter.ToString(), row.Basis, row.Qualifier, row.Source, row.Quote);

    public static ScreeningInput Of(TokenPrice row, string role, decimal value) =>
        new(role, "token_prices", row.Id, value, null, Day(row.Date), Domain.Vocabularies.MarketPriceBasis, row.Qualifier, row.Source, row.Quote);

    public static ScreeningInput Of(NetworkMetric row, string role) =>
        new(role, "network_metrics", row.Id, row.Value, null, row.Period, row.Basis, row.Qualifier, row.Source, row.Quote);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
