using System.Globalization;
using System.Text.RegularExpressions;
using DepinApi.Domain;
using DepinApi.Import;

namespace DepinApi.Tests.SeedData;

/// <summary>The CSV formats of docs/data-model.md, as the tests enforce them.</summary>
public static partial class SeedSchema
{
    public const string Sources = "sources.csv";
    public const string Projects = "projects.csv";
    public const string Revenue = "revenue.csv";
    public const string SettlementMix = "settlement_mix.csv";
    public const string TokenPrices = "token_prices.csv";
    public const string NetworkMetrics = "network_metrics.csv";
    public const string SectorFigures = "sector_figures.csv";
    public const string Evidence = "evidence.csv";

    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [Sources] = ["id", "publisher", "title", "published_on", "published_label", "kind", "seed_file", "url"],
        [Projects] = ["slug", "name", "sector", "sub_track", "token_symbol", "chain", "website", "description"],
        [Revenue] = ["id", "project", "quarter", "metric", "amount_usd", "basis", "qualifier", "source", "quote"],
        [SettlementMix] = ["id", "project", "as_of", "stablecoin_share", "native_share", "label", "basis", "qualifier", "source", "quote"],
        [TokenPrices] = ["id", "project", "token_symbol", "date", "price_usd", "change_30d", "change_90d", "change_1y", "qualifier", "source", "quote"],
        [NetworkMetrics] = ["id", "project", "period", "metric", "value", "value_max", "unit", "basis", "qualifier", "source", "quote"],
        [SectorFigures] = ["id", "scope", "period", "metric", "value", "value_max", "unit", "basis", "qualifier", "source", "quote"],
        [Evidence] = ["id", "project", "kind", "label", "period", "basis", "source", "quote"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        [Sources] = ["id", "publisher", "title", "published_label", "kind", "seed_file"],
        [Projects] = ["slug", "name", "sector", "sub_track", "token_symbol", "description"],
        [Revenue] = ["id", "project", "quarter", "metric", "amount_usd", "basis", "source", "quote"],
        [SettlementMix] = ["id", "project", "as_of", "basis", "source", "quote"],
        [TokenPrices] = ["id", "project", "token_symbol", "date", "source", "quote"],
        [NetworkMetrics] = ["id", "project", "period", "metric", "value", "unit", "basis", "source", "quote"],
        [SectorFigures] = ["id", "scope", "period", "metric", "value", "unit", "basis", "source", "quote"],
        [Evidence] = ["id", "project", "kind", "label", "period", "basis", "source", "quote"],
    };

    /// <summary>Files whose rows are figures: they carry a source and a quote.</summary>
    public static readonly string[] FigureFiles = [Revenue, SettlementMix, TokenPrices, NetworkMetrics, SectorFigures, Evidence];

    public static readonly string[] AllFiles = [Sources, Projects, .. FigureFiles];

    // The vocabularies are the service's own (DepinApi.Domain.Vocabularies); an empty qualifier or label is a plain figure.
    public static readonly HashSet<string> SourceKinds = [.. Vocabularies.SourceKind.Values];
    public static readonly HashSet<string> Sectors = [.. Vocabularies.Sector.Values];
    public static readonly HashSet<string> Bases = [.. Vocabularies.Basis.Values];
    public static readonly HashSet<string> Qualifiers = ["", .. Vocabularies.Qualifier.Values];
    public static readonly HashSet<string> SettlementLabels = ["", .. Vocabularies.SettlementLabel.Values];
    public static readonly HashSet<string> Scopes = [.. Vocabularies.SectorScope.Values];
    public static readonly HashSet<string> Units = [.. Vocabularies.MetricUnit.Values];

    /// <summary>Evidence kinds and the labels each allows (docs/methodology.md).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EvidenceLabels = Vocabularies.EvidenceLabels;

    public static readonly HashSet<string> RevenueMetrics = [.. Vocabularies.RevenueMetric.Values];

    /// <summary>
    /// The numeric columns of a figure row and how each is written in prose: the importer's own rule that each is
    /// stated in the quote (<see cref="StatedInQuoteRule"/>), so the tests read the same list.
    /// </summary>
    internal static IEnumerable<(string Column, FigureKind Kind)> NumericColumns(string file, SeedRow row) =>
        DepinApi.Import.SeedFiles.All.Single(spec => spec.FileName == file).Rules
            .OfType<StatedInQuoteRule>()
            .Select(rule => (rule.Column, rule.KindFor(rule.UnitColumn is null ? null : row[rule.UnitColumn])));

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    public static partial Regex Id();

    [GeneratedRegex("^[a-z0-9]+(?:_[a-z0-9]+)*$")]
    public static partial Regex MetricName();

    [GeneratedRegex("^[0-9]{4}Q[1-4]$")]
    public static partial Regex Quarter();

    // Day, month, quarter, year, or an interval of months, as the data model lists them.
    [GeneratedRegex(@"^(?:\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}Q[1-4]|\d{4}|\d{4}-\d{2}/\d{4}-\d{2})$")]
    public static partial Regex Period();

    // Plain decimal: no separators, units, exponent or leading plus.
    [GeneratedRegex(@"^-?\d+(?:\.\d+)?$")]
    public static partial Regex PlainDecimal();

    public static bool IsDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static decimal Decimal(string s) => decimal.Parse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
        CultureInfo.InvariantCulture);
}
