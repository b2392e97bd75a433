using DepinApi.Series;

namespace DepinApi.ReadModel;

/// <summary>
/// Which rows of a table of figures a list holds and in which order, written once for both readers of it: the read
/// model's queries (<c>ReadSession.*.cs</c>, which REST and the GraphQL resolvers call) and the compiled GraphQL
/// statements (<c>GraphQL/Compiled</c>). Each builds its statement from these with its own parameters, so a field
/// cannot filter or order one way when compiled and another way when resolved.
/// </summary>
/// <remarks>
/// A condition takes the alias of the table's row and the placeholders of values already bound (<c>@from</c> in a
/// session's command, <c>$3</c> in a compiled statement); a null placeholder is an argument left out and filters
/// nothing. Conditions read " AND …" (or nothing), to follow the row's visibility in a WHERE clause. Table and column
/// names are constants of this file, never request text.
/// </remarks>
/// <param name="Table">The table's name.</param>
/// <param name="Owner">The column naming whose figures a row holds: a project's slug, or a sector figure's scope.</param>
/// <param name="Order">The order of every list of the table's rows: by owner first, so one owner's rows come in the same order alone.</param>
internal sealed record FigureSql(string Table, string Owner, Func<string, string> Order)
{
    public static readonly FigureSql TokenPrices = new("token_prices", "project", a => $"{a}.project, {a}.date, {a}.id");

    public static readonly FigureSql SettlementMix = new("settlement_mix", "project", a => $"{a}.project, {a}.as_of, {a}.id");

    public static readonly FigureSql NetworkMetrics = new("network_metrics", "project", a => $"{a}.project, {a}.metric, {a}.period_end, {a}.id");

    public static readonly FigureSql SectorFigures = new("sector_figures", "scope", a => $"{a}.scope, {a}.metric, {a}.period_end, {a}.id");

    public static readonly FigureSql Revenue = new("revenue_figures", "project", a => $"{a}.project, {a}.year, {a}.quarter, {a}.metric, {a}.id");

    /// <summary>The tables whose figures are a project's and cite a source.</summary>
    public static readonly FigureSql[] OfProjects = [Revenue, SettlementMix, TokenPrices, NetworkMetrics];

    /// <summary>
    /// The (project, source) pairs of the visible figures that <paramref name="projects"/> selects (a condition on
    /// the table's rows, aliased "f"), one SELECT per table of <see cref="OfProjects"/>: the sources a project cites.
    /// </summary>
    public static string CitedSources(Func<string, string> visible, Func<FigureSql, string> projects) =>
        Citations(visible, projects, " UNION ");

    /// <summary>
    /// The pairs of <see cref="CitedSources"/> once per figure stating one, for a test of membership (<c>IN</c>), which
    /// needs no pair once: making each pair once hashed every figure of the project, a third of the statement listing
    /// one project with a year of prices (docs/performance.md, <i>Means</i>).
    /// </summary>
    public static string CitingFigures(Func<string, string> visible, Func<FigureSql, string> projects) =>
        Citations(visible, projects, " UNION ALL ");

    private static string Citations(Func<string, string> visible, Func<FigureSql, string> projects, string union) =>
        string.Join(union, OfProjects.Select(t => $"SELECT f.project, f.source FROM {t.Table} f WHERE {visible("f")}{projects(t)}"));

    /// <summary>Whether a row's owner is a project (every table but sector figures, whose owner is a scope).</summary>
    public bool IsProjects => Owner == "project";

    /// <summary>The rows of the one owner <paramref name="owner"/> (a placeholder or an outer row's column).</summary>
    public string Of(string alias, string? owner) => And($"{alias}.{Owner}", "=", owner);

    /// <summary>The rows of the owners in the array <paramref name="owners"/>.</summary>
    public string OfAny(string alias, string? owners) => owners is null ? "" : $" AND {alias}.{Owner} = ANY({owners})";

    /// <summary>The rows that cite the source <paramref name="source"/>.</summary>
    public static string Citing(string alias, string? source) => And($"{alias}.source", "=", source);

    /// <summary>Token prices of the days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string Days(string alias, string? from, string? to) => And($"{alias}.date", ">=", from) + And($"{alias}.date", "<=", to);

    /// <summary>
    /// Token prices that state a price (rows that give only a change are skipped): a project's latest price is the
    /// first of them in <see cref="NewestFirst"/> order.
    /// </summary>
    public static string Stated(string alias) => $" AND {alias}.price_usd IS NOT NULL";

    /// <summary>Token prices of each project newest first.</summary>
    public static string NewestFirst(string alias) => $"{alias}.project, {alias}.date DESC, {alias}.id DESC";

    /// <summary>The metrics the visible rows of the table state, each once (a table with a <c>metric</c> column).</summary>
    public string MetricsStated(Func<string, string> visible) => $"SELECT DISTINCT m.metric FROM {Table} m WHERE {visible("m")}";

    /// <summary>Whether a visible row of the table states the metric <paramref name="metric"/> (a placeholder).</summary>
    public string StatesMetric(Func<string, string> visible, string metric) =>
        $"EXISTS (SELECT 1 FROM {Table} m WHERE {visible("m")} AND m.metric = {metric})";

    /// <summary>Network metrics (or sector figures) of the one metric <paramref name="metric"/>.</summary>
    public static string Metric(string alias, string? metric) => And($"{alias}.metric", "=", metric);

    /// <summary>Revenue figures of the metrics in the array <paramref name="metrics"/>.</summary>
    public static string MetricIn(string alias, string? metrics) => metrics is null ? "" : $" AND {alias}.metric = ANY({metrics})";

    /// <summary>
    /// Revenue figures of the quarters from <paramref name="from"/> to <paramref name="to"/>, bound as ordinals
    /// (<see cref="Quarter.Ordinal"/>) and compared as (year, quarter) rows: the series indexes' keys after the owner, so
    /// that the index reads only the range. An ordinal computed for each row was a filter over the whole series (all
    /// forty quarters of each project on the scale set, to list two; docs/performance.md, <i>Means</i>).
    /// </summary>
    public static string Quarters(string alias, string? from, string? to)
    {
        var quarter = $"({alias}.year, {alias}.quarter)";
        return And(quarter, ">=", from is null ? null : QuarterRow(from)) + And(quarter, "<=", to is null ? null : QuarterRow(to));
    }

    // The (year, quarter) row of the ordinal <ordinal> (SQL), for comparison with a figure's.
    private static string QuarterRow(string ordinal)
    {
        var (year, quarter) = YearAndQuarterOf(ordinal);
        return $"({year}, {quarter})";
    }

    // The year and the quarter of the ordinal <ordinal> (SQL), as Quarter.AddQuarters computes them.
    private static (string Year, string Quarter) YearAndQuarterOf(string ordinal) => ($"{ordinal} / 4", $"{ordinal} % 4 + 1");

    /// <summary>A revenue figure's quarter as an ordinal, as <see cref="Quarter.Ordinal"/> numbers it.</summary>
    public static string QuarterOrdinal(string alias) => $"{alias}.year * 4 + {alias}.quarter - 1";

    /// <summary>
    /// A revenue figure's value in <paramref name="units"/>, for every reader of a series: against the figure of the
    /// same series (project and metric) <see cref="SeriesUnitsTransform.LookBackQuarters"/> back, the only one there or
    /// else the only one from the same source (a quarter stated twice, in a table and a sentence); null without it,
    /// and for a percent change from 0, never a guess or 0. The quotient keeps 40 decimals and a percent is rounded
    /// half away from zero to <see cref="SeriesUnitsTransform.PercentDecimals"/>; trailing zeros are trimmed, as the
    /// Decimal scalar and REST write numbers.
    /// </summary>
    /// <param name="alias">The figure's row.</param>
    /// <param name="earlier">An alias no other part of the statement uses, for the earlier figures (and, suffixed "s", their sources).</param>
    /// <param name="visible">The condition under which a row of an alias belongs to the version read.</param>
    public static string ValueIn(SeriesUnits units, string alias, string earlier, Func<string, string> visible)
    {
        if (units == SeriesUnits.Lin) return $"trim_scale({alias}.amount_usd)";
        var e = earlier;
        var sameSource = $"FILTER (WHERE {e}.source = {alias}.source)";
        var level = $"(SELECT CASE WHEN count(*) = 1 THEN min({e}.amount_usd) "
                    + $"WHEN count(*) {sameSource} = 1 THEN min({e}.amount_usd) {sameSource} END "
                    + $"FROM {Revenue.Table} {e} JOIN sources {e}s ON {e}s.id = {e}.source AND {visible(e + "s")} "
                    + $"WHERE {visible(e)} AND {e}.project = {alias}.project AND {e}.metric = {alias}.metric"
                    + $"{QuartersBefore(e, alias, LookBack(units, alias))})";
        return units == SeriesUnits.Chg
            ? $"trim_scale({alias}.amount_usd - {level})"
            : $"trim_scale(round((round({alias}.amount_usd, 40) / nullif({level}, 0) - 1) * 100, {SeriesUnitsTransform.PercentDecimals}))";
    }

    /// <summary>
    /// Whether the revenue figure <paramref name="alias"/> is the preferred statement of its project, quarter and
    /// metric: no statement of them in the version read ranks before it (<see cref="RevenuePrecision"/>, as
    /// <c>RevenueSelection.Choose</c> ranks the rows read).
    /// </summary>
    /// <param name="other">An alias no other part of the statement uses, for the other statements (and, suffixed "s", their sources).</param>
    /// <param name="visible">The condition under which a row of an alias belongs to the version read.</param>
    public static string IsPreferredRevenue(string alias, string other, Func<string, string> visible)
    {
        var o = other;
        return $"NOT EXISTS (SELECT FROM {Revenue.Table} {o} JOIN sources {o}s ON {o}s.id = {o}.source AND {visible(o + "s")} "
               + $"WHERE {visible(o)} AND {o}.project = {alias}.project AND {o}.year = {alias}.year "
               + $"AND {o}.quarter = {alias}.quarter AND {o}.metric = {alias}.metric AND {PrecisionRank(o)} < {PrecisionRank(alias)})";
    }

    // A statement's rank as a row, compared column by column; ids in code-point order, as C# compares them ordinally.
    private static string PrecisionRank(string alias)
    {
        var qualifiers = RevenuePrecision.QualifiersByPrecision.Select((qualifier, rank) =>
            $"WHEN {alias}.qualifier {(qualifier is null ? "IS NULL" : $"= '{qualifier}'")} THEN {rank}");
        return $"(CASE {string.Join(" ", qualifiers)} ELSE {RevenuePrecision.QualifiersByPrecision.Length} END, "
               + $"CASE WHEN {alias}.basis = '{RevenuePrecision.FirstBasis}' THEN 0 ELSE 1 END, {alias}.id COLLATE \"C\")";
    }

    /// <summary>
    /// The figures of <paramref name="earlier"/> stated for the quarter <paramref name="quarters"/> before
    /// <paramref name="alias"/>'s, as year and quarter apart rather than as ordinals: equal columns are the index's
    /// key (project, year, quarter, metric), where an ordinal would be computed for each of the series' rows.
    /// </summary>
    private static string QuartersBefore(string earlier, string alias, string quarters)
    {
        var (year, quarter) = YearAndQuarterOf($"({QuarterOrdinal(alias)} - {quarters})");
        return $" AND {earlier}.year = {year} AND {earlier}.quarter = {quarter}";
    }

    // SeriesUnitsTransform.LookBackQuarters of the row's own metric, as SQL: the year-long metric's earlier figure is a
    // year back whichever the units.
    private static string LookBack(SeriesUnits units, string alias)
    {
        var quarters = SeriesUnitsTransform.LookBackQuarters(units, metric: "");
        var yearLong = SeriesUnitsTransform.LookBackQuarters(units, SeriesUnitsTransform.YearLongMetric);
        return quarters == yearLong
            ? quarters.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"CASE WHEN {alias}.metric = '{SeriesUnitsTransform.YearLongMetric}' THEN {yearLong} ELSE {quarters} END";
    }

    private static string And(string expression, string comparison, string? placeholder) =>
        placeholder is null ? "" : $" AND {expression} {comparison} {placeholder}";
}
