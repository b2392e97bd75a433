using System.Globalization;
using System.Text.RegularExpressions;
using DepinApi.Domain;
using static DepinApi.Import.ColumnSpec;

namespace DepinApi.Import;

/// <summary>
/// The seed files, as docs/data-model.md describes them and schema/0001_core.sql stores
/// them. Referenced files come first, so the write order satisfies the foreign keys. Enumerated
/// columns take their values from <see cref="Vocabularies"/>.
/// </summary>
internal static partial class SeedFiles
{
    // Keys are indexed (a btree entry holds at most about 2.7 KB), and a key a reader types or pastes stays short: a
    // longer one is refused here, where it is named by file, line and column, not by the database's index.
    private const int MaxKeyLength = 100;

    private static readonly TextField Id = new(SlugPattern(), $"lower-case letters, digits and single hyphens, at most {MaxKeyLength} characters, like 'helium-2025q3-revenue'", MaxKeyLength);
    private static readonly TextField Slug = new(SlugPattern(), $"lower-case letters, digits and single hyphens, at most {MaxKeyLength} characters, like 'helium' or 'io-net'", MaxKeyLength);
    private static readonly TextField MetricName = new(MetricPattern(), $"lower-case words joined by underscores, at most {MaxKeyLength} characters, like 'active_nodes'", MaxKeyLength);
    private static readonly TextField TokenSymbol = new(TokenSymbolPattern(), "1 to 12 upper-case letters or digits, like 'HNT'");
    private static readonly TextField FileName = new(FileNamePattern(), "a file name without folders, like '000_e871e4a250482ae1.txt'");
    private static readonly TextField Text = TextField.Any;
    private static readonly TextField Quote = new(NoBlankLine(),
        string.Create(CultureInfo.InvariantCulture, $"one sentence or table row of its article, at most {QuotedSentence.MaxLength:N0} characters, without a blank line"),
        QuotedSentence.MaxLength);

    private static readonly EnumField Basis = new(Vocabularies.Basis.Values);
    private static readonly EnumField Qualifier = new(Vocabularies.SingleNumberQualifiers);
    private static readonly EnumField QualifierOrRange = new(Vocabularies.Qualifier.Values);
    private static readonly EnumField Unit = new(Vocabularies.MetricUnit.Values);

    // Bounds, precision and scale follow the numeric(p,s) columns and CHECKs of the schema.
    private static readonly DecimalField AmountUsd = new(min: 0, precision: 20, scale: 2);
    private static readonly DecimalField Share = new(min: 0, max: 1, precision: 6, scale: 5);
    private static readonly DecimalField PriceUsd = new(min: 0, precision: 30, scale: 12);
    private static readonly DecimalField Change = new(min: -1, precision: 12, scale: 6);
    private static readonly DecimalField Number = new();

    public static readonly FileSpec Sources = new("sources", "sources", "id",
        [
            Req("id", Id),
            Req("publisher", Text),
            Req("title", Text),
            Opt("published_on", DateField.Instance),
            Req("published_label", Text),
            Req("kind", new EnumField(Vocabularies.SourceKind.Values)),
            new("seed_file", FileName, Required: true, FileIn: "sources"),
            Opt("url", UrlField.Instance),
        ],
        keyTable: new KeyTable("source_keys", "id"));

    public static readonly FileSpec Projects = new("projects", "projects", "slug",
        [
            Req("slug", Slug),
            Req("name", Text),
            Req("sector", new EnumField(Vocabularies.Sector.Values)),
            Req("sub_track", Text),
            Req("token_symbol", TokenSymbol),
            Opt("chain", Text),
            Opt("website", UrlField.Instance),
            Req("description", Text),
        ],
        keyTable: new KeyTable("project_keys", "slug"));

    public static readonly FileSpec Revenue = new("revenue", "revenue_figures", "id",
        [
            Req("id", Id),
            ProjectReference(),
            Req("quarter", QuarterField.Instance),
            Req("metric", new EnumField(Vocabularies.RevenueMetric.Values)),
            Req("amount_usd", AmountUsd),
            Req("basis", Basis),
            Opt("qualifier", Qualifier),
            SourceReference(),
            Req("quote", Quote),
        ],
        rules:
        [
            new FourthQuarterRule("metric", "quarter", Series.SeriesUnitsTransform.YearLongMetric),
            StatedInQuoteRule.Number("amount_usd"),
        ]);

    public static readonly FileSpec SettlementMix = new("settlement_mix", "settlement_mix", "id",
        [
            Req("id", Id),
            ProjectReference(),
            Req("as_of", DateField.Instance),
            Opt("stablecoin_share", Share),
            Opt("native_share", Share),
            Opt("label", new EnumField(Vocabularies.SettlementLabel.Values)),
            Req("basis", Basis),
            Opt("qualifier", Qualifier),
            SourceReference(),
            Req("quote", Quote),
        ],
        rules:
        [
            new AtLeastOneOfRule("stablecoin_share", "native_share", "label"),
            new OnlyWithoutRule("label", "stablecoin_share", "native_share"),
            new SumAtMostRule("stablecoin_share", "native_share", 1),
            StatedInQuoteRule.Fraction("stablecoin_share"),
            StatedInQuoteRule.Fraction("native_share"),
        ]);

    public static readonly FileSpec TokenPrices = new("token_prices", "token_prices", "id",
        [
            Req("id", Id),
            ProjectReference(),
            Req("token_symbol", TokenSymbol),
            Req("date", DateField.Instance),
            Opt("price_usd", PriceUsd),
            Opt("change_30d", Change),
            Opt("change_90d", Change),
            Opt("change_1y", Change),
            Opt("qualifier", Qualifier),
            SourceReference(),
            Req("quote", Quote),
        ],
        // A source may state a change in a sentence that gives no price.
        rules:
        [
            new AtLeastOneOfRule("price_usd", "change_30d", "change_90d", "change_1y"),
            new SingleFigureWhenQualifiedRule("qualifier", "price_usd", "change_30d", "change_90d", "change_1y"),
            StatedInQuoteRule.Number("price_usd"),
            StatedInQuoteRule.Fraction("change_30d"),
            StatedInQuoteRule.Fraction("change_90d"),
            StatedInQuoteRule.Fraction("change_1y"),
        ]);

    public static readonly FileSpec NetworkMetrics = new("network_metrics", "network_metrics", "id",
        [
            Req("id", Id),
            ProjectReference(),
            .. MeasuredFigure(),
        ],
        rules: RangeRules());

    public static readonly FileSpec SectorFigures = new("sector_figures", "sector_figures", "id",
        [
            Req("id", Id),
            Req("scope", new EnumField(Vocabularies.SectorScope.Values)),
            .. MeasuredFigure(),
        ],
        rules: RangeRules());

    // What a source says about a project's token economics without a figure; see docs/methodology.md.
    private static readonly ValuesPerKindRule EvidenceLabels = new("kind", "label", Vocabularies.EvidenceLabels);

    public static readonly FileSpec Evidence = new("evidence", "evidence", "id",
        [
            Req("id", Id),
            ProjectReference(),
            Req("kind", new EnumField(Vocabularies.EvidenceKinds)),
            Req("label", new EnumField(EvidenceLabels.AllValues)),
            Req("period", PeriodField.Instance),
            Req("basis", Basis),
            SourceReference(),
            Req("quote", Quote),
        ],
        rules: [EvidenceLabels]);

    /// <summary>
    /// Former slugs of renamed projects (optional file): the API answers a URL with an old slug by
    /// a 308 to the same URL with the current one.
    /// </summary>
    public static readonly FileSpec ProjectAliases = new("project_aliases", "project_slug_aliases", "alias",
        [
            Req("alias", Slug),
            new("slug", Slug, Required: true, References: "projects"),
        ],
        optional: true);

    public static IReadOnlyList<FileSpec> All { get; } =
        [Sources, Projects, Revenue, SettlementMix, TokenPrices, NetworkMetrics, SectorFigures, Evidence, ProjectAliases];

    private static ColumnSpec ProjectReference() => new("project", Slug, Required: true, References: "projects");
    private static ColumnSpec SourceReference() => new("source", Id, Required: true, References: "sources");

    // Network metrics and sector figures describe a value the same way.
    private static ColumnSpec[] MeasuredFigure() =>
    [
        Req("period", PeriodField.Instance),
        Req("metric", MetricName),
        Req("value", Number),
        Opt("value_max", Number),
        Req("unit", Unit),
        Req("basis", Basis),
        Opt("qualifier", QualifierOrRange),
        SourceReference(),
        Req("quote", Quote),
    ];

    // Network metrics and sector figures: a range's ends ordered and qualified, each stated in the quote.
    private static RowRule[] RangeRules() =>
    [
        new NotBelowRule("value_max", "value"),
        new RangeQualifierRule("qualifier", "value_max"),
        StatedInQuoteRule.InUnitOf("value", "unit", "qualifier"),
        StatedInQuoteRule.InUnitOf("value_max", "unit", "qualifier"),
    ];

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();

    // A paragraph break (a line holding nothing but white space) inside a quote: no sentence spans two paragraphs.
    [GeneratedRegex(@"^(?![\s\S]*\n[ \t]*\r?\n)")]
    private static partial Regex NoBlankLine();

    [GeneratedRegex(@"^[a-z0-9]+(_[a-z0-9]+)*\z")]
    private static partial Regex MetricPattern();

    [GeneratedRegex(@"^[A-Z0-9]{1,12}\z")]
    private static partial Regex TokenSymbolPattern();

    [GeneratedRegex(@"^(?!\.\.?\z)[^/\\\x00-\x1f]+\z")]
    private static partial Regex FileNamePattern();
}
