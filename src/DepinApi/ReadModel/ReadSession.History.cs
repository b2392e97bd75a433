using System.Text;
using System.Text.Json;
using DepinApi.Import;
using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    // Built from the importer's file specs, so a new seed file shows up in changes and counts by itself.
    // Table and column names come from code, never from a request.
    private static readonly string ChangesSql = BuildChangesSql();
    private static readonly string ChangeCountSql = BuildChangeCountSql();
    private static readonly CompositeFormat CountsSql = CompositeFormat.Parse(string.Join("\nUNION ALL\n", SeedFiles.All.Select(spec =>
        $"SELECT '{spec.Name}', count(*) FROM {spec.Table} x WHERE {{0}}")));

    /// <summary>Every data version up to this session's, oldest first.</summary>
    public Task<List<DataVersion>> VersionsAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, created_at, summary::text FROM data_versions WHERE id <= @v ORDER BY id", null,
            r => new DataVersion(r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1), ParseSummary(r.GetString(2))),
            cancellationToken);

    /// <summary>What each data version added, changed (replaced) or removed, per seed file and row id.</summary>
    public Task<List<DataChange>> ChangesAsync(ChangeQuery query, CancellationToken cancellationToken) =>
        QueryAsync(ChangesSql, p =>
        {
            p.AddInt("only", query.Version);
            p.AddInt("after_version", query.After?.Version);
            p.AddText("after_table", query.After?.Table);
            p.AddText("after_id", query.After?.Id);
            p.AddInt("limit", query.Limit);
        }, r => new DataChange(r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(4), r.GetString(1), r.GetString(2), r.GetString(3)),
        cancellationToken);

    /// <summary>
    /// How many changes <see cref="ChangesAsync"/> lists for <paramref name="version"/> (every version up to this
    /// session's when null), counted in Postgres: a list's total, which reading every change to count it made cost as
    /// much as the whole list however small the page.
    /// </summary>
    public async Task<long> CountChangesAsync(int? version, CancellationToken cancellationToken) =>
        (await QueryAsync(ChangeCountSql, p => p.AddInt("only", version), r => r.GetInt64(0), cancellationToken)).Single();

    /// <summary>Rows per seed file in this session's version.</summary>
    public async Task<Dictionary<string, long>> CountsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, CountsSql, Visible("x")), null,
            r => (Table: r.GetString(0), Count: r.GetInt64(1)), cancellationToken))
        .ToDictionary(row => row.Table, row => row.Count);

    /// <remarks>
    /// Each table's added and removed rows are read in (version, key) order by the index of migration 0007, from the
    /// cursor on and at most a page of them, so a page costs the same after a version that added two million rows as
    /// after one that added ten. The cursor (version, table, key) is one row comparison per table, an index condition:
    /// a table named before the cursor's starts after its version, the cursor's own table after its key, a table
    /// named after it at its version. Before the first page every comparison is against (0, ''), which every row passes.
    /// </remarks>
    private static string BuildChangesSql()
    {
        string From(string table) =>
            $"(CASE WHEN '{table}' < @after_table THEN @after_version + 1 ELSE coalesce(@after_version, 0) END, "
            + $"CASE WHEN '{table}' = @after_table THEN @after_id ELSE '' END)";
        var perTable = SeedFiles.All.SelectMany(spec => new[]
        {
            $"""
            (SELECT x.valid_from AS version, '{spec.Name}' AS tbl, x.{spec.KeyColumn} AS id,
                   CASE WHEN EXISTS (SELECT 1 FROM {spec.Table} y WHERE y.{spec.KeyColumn} = x.{spec.KeyColumn} AND y.valid_to = x.valid_from)
                        THEN 'changed' ELSE 'added' END AS kind
             FROM {spec.Table} x WHERE x.valid_from BETWEEN @lo AND @hi AND (x.valid_from, x.{spec.KeyColumn}) > {From(spec.Name)}
             ORDER BY x.valid_from, x.{spec.KeyColumn} LIMIT @limit)
            """,
            $"""
            (SELECT x.valid_to, '{spec.Name}', x.{spec.KeyColumn}, 'removed'
             FROM {spec.Table} x WHERE x.valid_to BETWEEN @lo AND @hi AND (x.valid_to, x.{spec.KeyColumn}) > {From(spec.Name)}
               AND NOT EXISTS (SELECT 1 FROM {spec.Table} y WHERE y.{spec.KeyColumn} = x.{spec.KeyColumn} AND y.valid_from = x.valid_to)
             ORDER BY x.valid_to, x.{spec.KeyColumn} LIMIT @limit)
            """,
        });
        return $"""
            WITH bounds AS (SELECT coalesce(@only, 1) AS lo, least(coalesce(@only, @v), @v) AS hi)
            SELECT c.version, c.tbl, c.id, c.kind, d.created_at
            FROM ({string.Join("\nUNION ALL\n", perTable).Replace("@lo", "(SELECT lo FROM bounds)").Replace("@hi", "(SELECT hi FROM bounds)")}) c
            JOIN data_versions d ON d.id = c.version
            ORDER BY c.version, c.tbl, c.id
            LIMIT @limit
            """;
    }

    // The rows BuildChangesSql lists, counted: added or changed rows by the version that made them, removed ones by the
    // version that ended them with no successor.
    private static string BuildChangeCountSql()
    {
        var perTable = SeedFiles.All.SelectMany(spec => new[]
        {
            $"(SELECT count(*) FROM {spec.Table} x WHERE x.valid_from BETWEEN @lo AND @hi)",
            $"(SELECT count(*) FROM {spec.Table} x WHERE x.valid_to BETWEEN @lo AND @hi "
            + $"AND NOT EXISTS (SELECT 1 FROM {spec.Table} y WHERE y.{spec.KeyColumn} = x.{spec.KeyColumn} AND y.valid_from = x.valid_to))",
        });
        return $"""
            WITH bounds AS (SELECT coalesce(@only, 1) AS lo, least(coalesce(@only, @v), @v) AS hi)
            SELECT {string.Join("\n + ", perTable).Replace("@lo", "(SELECT lo FROM bounds)").Replace("@hi", "(SELECT hi FROM bounds)")}
            """;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ParseSummary(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(json)!
            .ToDictionary(table => table.Key, table => (IReadOnlyDictionary<string, int>)table.Value);
}
