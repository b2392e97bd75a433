using DepinApi.ReadModel;
using DepinApi.Series;
using static DepinApi.GraphQL.Compiled.SqlObjectMap;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// The figure types and <c>Source</c> in SQL, field for field as their resolvers present them
/// (<c>GraphQL/Types/*FigureType.cs</c>, <c>FigureFields.cs</c>, <c>SourceType.cs</c>).
/// </summary>
internal static class FigureMaps
{
    public static readonly SqlObjectMap Source = new(new Dictionary<string, FieldCompiler>
    {
        ["id"] = Column("id"),
        ["publisher"] = Column("publisher"),
        ["title"] = Column("title"),
        ["publishedOn"] = Column("published_on"),
        ["publishedLabel"] = Column("published_label"),
        ["kind"] = Enum("kind"),
        ["url"] = Column("url"),
    });

    private static readonly Dictionary<SeriesUnits, FigureTable> RevenueTables = System.Enum.GetValues<SeriesUnits>().ToDictionary(
        units => units,
        units => Figure(FigureSql.Revenue, "r", basis: Enum("basis"), new()
        {
            // Quarter prints as 2026Q2.
            ["quarter"] = (_, _, a) => $"({a}.year || 'Q' || {a}.quarter)",
            ["metric"] = Enum("metric"),
            ["amountUsd"] = Number("amount_usd"),
            // The enum's GraphQL name (DepinEnums.Units), a constant of the schema's.
            ["units"] = Constant($"'{units.ToName().ToUpperInvariant()}'"),
            ["value"] = ValueIn(units),
            ["preferred"] = (sql, _, a) => FigureSql.IsPreferredRevenue(a, sql.Alias("o"), sql.Visible),
        }, units));

    /// <summary>Revenue figures as a series in <paramref name="units"/> presents them (<c>value</c> transformed).</summary>
    public static FigureTable Revenue(SeriesUnits units) => RevenueTables[units];

    /// <summary>A figure's value in <paramref name="units"/>, as the read model computes it (<see cref="FigureSql.ValueIn"/>).</summary>
    private static FieldCompiler ValueIn(SeriesUnits units) => (sql, _, a) => FigureSql.ValueIn(units, a, sql.Alias("e"), sql.Visible);

    public static readonly FigureTable SettlementMix = Figure(FigureSql.SettlementMix, "m", basis: Enum("basis"), new()
    {
        ["date"] = Column("as_of"),
        ["stablecoinShare"] = Number("stablecoin_share"),
        ["nativeShare"] = Number("native_share"),
        ["label"] = Enum("label"),
        // A constant of the schema's, bound as a parameter.
        ["shareOf"] = (sql, _, _) => sql.Bind(Rest.Models.SettlementMixView.ShareOfFees, NpgsqlTypes.NpgsqlDbType.Text),
    });

    // Market prices are what the market disclosed; the table stores no basis (Vocabularies.MarketPriceBasis), written as the Basis enum.
    public static readonly FigureTable TokenPrice = Figure(FigureSql.TokenPrices, "t", basis: Constant($"'{Domain.Vocabularies.MarketPriceBasis.ToUpperInvariant()}'"), new()
    {
        ["tokenSymbol"] = Column("token_symbol"),
        ["date"] = Column("date"),
        ["priceUsd"] = Number("price_usd"),
        ["change30d"] = Number("change_30d"),
        ["change90d"] = Number("change_90d"),
        ["change1y"] = Number("change_1y"),
    });

    public static readonly FigureTable NetworkMetric = Figure(FigureSql.NetworkMetrics, "n", basis: Enum("basis"), Measured());

    public static readonly FigureTable SectorFigure = Figure(FigureSql.SectorFigures, "f", basis: Enum("basis"),
        new(Measured()) { ["scope"] = Enum("scope") });

    /// <summary>A numeric column without its scale's trailing zeros, as the Decimal scalar and REST write it.</summary>
    private static FieldCompiler Number(string column) => (_, _, alias) => $"trim_scale({alias}.{column})";

    /// <summary>The fields of a value (or range) in a unit over a period, which network metrics and sector figures share.</summary>
    private static Dictionary<string, FieldCompiler> Measured() => new()
    {
        ["period"] = Column("period"),
        ["periodStart"] = Column("period_start"),
        ["periodEnd"] = Column("period_end"),
        ["metric"] = Column("metric"),
        ["value"] = Number("value"),
        ["valueMax"] = Number("value_max"),
        ["unit"] = Enum("unit"),
    };

    /// <summary>
    /// The table <paramref name="rows"/> with its type's own fields plus those every figure has: id, provenance,
    /// permalink and citation and (of a project's) the project. A revenue figure's citation says what its value in
    /// <paramref name="units"/> is computed from.
    /// </summary>
    private static FigureTable Figure(FigureSql rows, string prefix, FieldCompiler basis, Dictionary<string, FieldCompiler> own,
        SeriesUnits units = SeriesUnits.Lin)
    {
        own["id"] = Column("id");
        if (rows.IsProjects) own["project"] = Column("project");
        foreach (var (name, compile) in CitationMarkers.Fields(rows, units)) own[name] = compile;
        own["basis"] = basis;
        own["qualifier"] = Enum("qualifier");
        own["quote"] = Column("quote");
        own["source"] = (sql, field, alias) => Source.Compile(sql, field, alias + "s");
        return new FigureTable(rows, prefix, new SqlObjectMap(own));
    }
}
