using DepinApi.ReadModel;
using DepinApi.Screening;

namespace DepinApi.Tests.Screening;

/// <summary>Hand-made read-model rows for calculator tests.</summary>
internal static class Rows
{
    public static readonly Source Source = new("test-source", "Test Press", "A test article", new DateOnly(2026, 6, 1), "2026-06-01", "press", null);

    public static Project Project(string slug = "p", string sector = "compute") =>
        new(slug, slug.ToUpperInvariant(), sector, "GPU compute", "TOK", null, null, "A test project.");

    public static SettlementMix Stable(decimal share, string id = "mix", DateOnly? asOf = null) =>
        new(id, "p", asOf ?? new DateOnly(2026, 6, 1), share, null, null, "estimate", null, Source, "quote");

    public static SettlementMix Native(decimal share, string id = "mix-native") =>
        new(id, "p", new DateOnly(2026, 6, 1), null, share, null, "estimate", null, Source, "quote");

    public static SettlementMix Label(string label, string id = "mix-label", DateOnly? asOf = null) =>
        new(id, "p", asOf ?? new DateOnly(2026, 6, 1), null, null, label, "estimate", null, Source, "quote");

    public static RevenueFigure Revenue(int year, int quarter, decimal amount, string metric = "quarterly_revenue",
        string? qualifier = null, string? id = null) =>
        new(id ?? $"p-{year}q{quarter}-{metric}-{qualifier}", "p", new Quarter(year, quarter), metric, amount, "disclosed", qualifier, Source, "quote");

    public static TokenPrice Change(decimal change1y, decimal? price = 1m, DateOnly? date = null, string id = "price") =>
        new(id, "p", "TOK", date ?? new DateOnly(2026, 6, 1), price, null, null, change1y, null, Source, "quote");

    public static Evidence Claim(string kind, string label, string id = "claim") =>
        new(id, "p", kind, label, "2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "estimate", Source, "quote");

    public static NetworkMetric MarketCap(decimal value, string id = "cap") =>
        new(id, "p", "2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "circulating_market_cap", value, null, "usd",
            "estimate", null, Source, "quote");

    public static ProjectScreeningData Data(string slug = "p", string sector = "compute",
        IReadOnlyList<SettlementMix>? settlement = null, IReadOnlyList<Evidence>? evidence = null,
        IReadOnlyList<RevenueFigure>? revenue = null, IReadOnlyList<TokenPrice>? prices = null,
        IReadOnlyList<NetworkMetric>? metrics = null) =>
        new(Project(slug, sector), settlement ?? [], evidence ?? [], revenue ?? [], prices ?? [], metrics ?? []);
}
