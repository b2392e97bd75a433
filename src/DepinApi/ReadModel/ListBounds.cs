using Npgsql;

namespace DepinApi.ReadModel;

/// <summary>
/// The most rows of each kind one list of the API can hold, in ANY data version: for every grouping a list can be
/// asked for (a project's prices, a project's prices on one day, one quarter's revenue …), the largest number of rows
/// one group had visible at once, over the whole history. A list read at any <c>asOf</c> is at most that long, so
/// the GraphQL cost can charge it before it runs.
/// </summary>
/// <param name="Version">The newest data version when the bounds were read; they hold for it and every earlier one.</param>
public sealed record ListBounds(
    int Version,
    long Projects, long ProjectsPerSector,
    long Sources,
    long Revenue, long RevenuePerProject, long RevenuePerProjectMetric, long RevenuePerProjectQuarter,
    long RevenuePerQuarter, long RevenuePerMetric, long RevenuePerQuarterMetric, long RevenueQuarterMetricPairs,
    long SettlementMix, long SettlementMixPerProject,
    long TokenPrices, long TokenPricesPerProject, long TokenPricesPerProjectDay, long TokenPricesPerDay,
    long MetricsPerProject, long MetricsPerProjectMetric,
    long SectorFigures, long SectorFiguresPerScope,
    long EvidencePerProjectKind,
    long NetworkMetrics)
{
    /// <summary>
    /// For each project (by slug), the most figures it held at once in any version, its revenue, settlement mixes,
    /// prices and metrics together: what a search filtered to it can read.
    /// </summary>
    public IReadOnlyDictionary<string, long> FiguresPerProject { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// The most figures of every kind a search can read: all of them, or with a project filter what those projects
    /// held at most, plus the sector figures (whose scope the filter is compared with too).
    /// </summary>
    public long FiguresAtMost(IReadOnlyCollection<string>? projects)
    {
        var all = Revenue + SettlementMix + TokenPrices + NetworkMetrics + SectorFigures;
        if (projects is null)
            return all;
        var held = projects.Sum(slug => FiguresPerProject.GetValueOrDefault(slug));
        return Math.Min(all, held + SectorFigures);
    }

    // The tables whose figures belong to a project, by its slug.
    private static readonly string[] ProjectFigureTables = ["revenue_figures", "settlement_mix", "token_prices", "network_metrics"];

    // Each grouping: table and key. Both are constants of this file, never request text.
    private static readonly (string Table, string Key)[] Groupings =
    [
        ("projects", "''"), ("projects", "sector"),
        ("sources", "''"),
        ("revenue_figures", "''"), ("revenue_figures", "project"), ("revenue_figures", "project || '|' || metric"),
        ("revenue_figures", "project || '|' || year || 'Q' || quarter"), ("revenue_figures", "year || 'Q' || quarter"),
        ("revenue_figures", "metric"), ("revenue_figures", "year || 'Q' || quarter || '|' || metric"),
        ("settlement_mix", "''"), ("settlement_mix", "project"),
        ("token_prices", "''"), ("token_prices", "project"), ("token_prices", "project || '|' || date"), ("token_prices", "date::text"),
        ("network_metrics", "project"), ("network_metrics", "project || '|' || metric"),
        ("sector_figures", "''"), ("sector_figures", "scope"),
        ("evidence", "project || '|' || kind"),
        ("network_metrics", "''"),
    ];

    /// <summary>Reads every bound in one statement (one scan of each table's history).</summary>
    /// <param name="timeoutSeconds">The command's timeout, instead of the data source's (a request's).</param>
    public static async Task<ListBounds?> ReadAsync(NpgsqlDataSource dataSource, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var columns = string.Join(",\n  ", Groupings.Select(g => $"({LongestGroup(g.Table, g.Key)})"));
        var sql = $"""
            SELECT
              (SELECT max(id) FROM data_versions),
              {columns},
              (SELECT count(DISTINCT (year, quarter, metric)) FROM revenue_figures);
            SELECT k, sum(longest)::bigint FROM (
              {string.Join("\n  UNION ALL\n  ", ProjectFigureTables.Select(table => LongestPerGroup(table, "project")))}
            ) per_table GROUP BY k
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = Math.Max(1, timeoutSeconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(0)) return null;
        var n = Enumerable.Range(1, Groupings.Length + 1).Select(i => reader.IsDBNull(i) ? 0L : reader.GetInt64(i)).ToArray();
        var version = reader.GetInt32(0);
        var perProject = new Dictionary<string, long>(StringComparer.Ordinal);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            perProject[reader.GetString(0)] = reader.GetInt64(1);
        return new ListBounds(version,
            n[0], n[1], n[2],
            n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[22],
            n[10], n[11],
            n[12], n[13], n[14], n[15],
            n[16], n[17],
            n[18], n[19],
            n[20],
            n[21])
        {
            FiguresPerProject = perProject,
        };
    }

    // A row is visible from valid_from up to (not including) valid_to: +1 and -1 at those versions, summed in
    // version order, give each group's length in every version; the largest over versions is the group's bound, and
    // the largest over groups the list's.
    private static string LongestGroup(string table, string key) =>
        $"SELECT coalesce(max(longest), 0)::bigint FROM ({LongestPerGroup(table, key)}) groups";

    private static string LongestPerGroup(string table, string key) => $"""
        SELECT k, max(live) AS longest FROM (
          SELECT k, sum(delta) OVER (PARTITION BY k ORDER BY v) AS live FROM (
            SELECT k, v, sum(d) AS delta FROM (
              SELECT {key} AS k, valid_from AS v, 1 AS d FROM {table}
              UNION ALL
              SELECT {key}, valid_to, -1 FROM {table} WHERE valid_to IS NOT NULL
            ) events GROUP BY k, v
          ) per_version
        ) lengths GROUP BY k
        """;
}
