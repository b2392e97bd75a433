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
    long EvidencePerProjectKind)
{
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
              (SELECT count(DISTINCT (year, quarter, metric)) FROM revenue_figures)
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = Math.Max(1, timeoutSeconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(0)) return null;
        var n = Enumerable.Range(1, Groupings.Length + 1).Select(i => reader.IsDBNull(i) ? 0L : reader.GetInt64(i)).ToArray();
        return new ListBounds(reader.GetInt32(0),
            n[0], n[1], n[2],
            n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[21],
            n[10], n[11],
            n[12], n[13], n[14], n[15],
            n[16], n[17],
            n[18], n[19],
            n[20]);
    }

    // A row is visible from valid_from up to (not including) valid_to: +1 and -1 at those versions, summed in
    // version order, give each group's length in every version; the largest over groups and versions is the bound.
    private static string LongestGroup(string table, string key) => $"""
        SELECT coalesce(max(live), 0)::bigint FROM (
          SELECT sum(delta) OVER (PARTITION BY k ORDER BY v) AS live FROM (
            SELECT k, v, sum(d) AS delta FROM (
              SELECT {key} AS k, valid_from AS v, 1 AS d FROM {table}
              UNION ALL
              SELECT {key}, valid_to, -1 FROM {table} WHERE valid_to IS NOT NULL
            ) events GROUP BY k, v
          ) per_version
        ) lengths
        """;
}
