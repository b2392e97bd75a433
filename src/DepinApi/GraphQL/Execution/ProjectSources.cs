using DepinApi.ReadModel;

namespace DepinApi.GraphQL.Execution;

/// <summary>The sources each project's figures cite, in one command for many projects.</summary>
internal static class ProjectSources
{
    private static readonly string[] FigureTables = ["revenue_figures", "settlement_mix", "token_prices", "network_metrics"];

    public static Task<List<(string Project, Source Source)>> ReadAsync(
        ReadSession session, IReadOnlyCollection<string> projects, CancellationToken cancellationToken)
    {
        // Table names come from the list above, never from a request.
        var cited = string.Join("\n  UNION\n  ", FigureTables.Select(table =>
            $"SELECT f.project, f.source FROM {table} f WHERE {session.Visible("f")} AND f.project = ANY(@projects)"));
        var sql = $"""
            SELECT c.project, {ReadSession.SourceColumns}
            FROM ({cited}) c
            {session.JoinSource("c")}
            ORDER BY c.project, s.id
            """;
        return session.QueryAsync(sql, p => p.AddList("projects", projects),
            reader => (reader.GetString(0), session.ReadSource(reader, 1)), cancellationToken);
    }
}
