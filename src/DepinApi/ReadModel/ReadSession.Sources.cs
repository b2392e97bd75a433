using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    /// <summary>The source columns every figure query selects last, from the sources table aliased "s".</summary>
    private const string SourceColumns = "s.id, s.publisher, s.title, s.published_on, s.published_label, s.kind, s.url";

    // Figures of a long series mostly cite the same few sources; one instance each keeps them cheap.
    private readonly Dictionary<string, Source> sourcesSeen = new(StringComparer.Ordinal);

    /// <summary>The join that gives a figure aliased <paramref name="alias"/> its source as of this version.</summary>
    private string JoinSource(string alias) => $"JOIN sources s ON s.id = {alias}.source AND {Visible("s")}";

    private Source ReadSource(NpgsqlDataReader reader, int first)
    {
        // No lock: rows are read by one reader at a time on the session's one connection, so this runs on one thread at
        // a time (and a lock taken for every row of a 20,000-row export showed up in its profile).
        var id = reader.GetString(first);
        if (sourcesSeen.TryGetValue(id, out var known))
            return known;
        var source = new Source(id, reader.GetString(first + 1), reader.GetString(first + 2), reader.DateOrNull(first + 3),
            reader.GetString(first + 4), reader.GetString(first + 5), reader.TextOrNull(first + 6));
        sourcesSeen[id] = source;
        return source;
    }

    public Task<List<Source>> SourcesAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {SourceColumns} FROM sources s WHERE {Visible("s")} ORDER BY s.id",
            null, reader => ReadSource(reader, 0), cancellationToken);

    public async Task<Source?> SourceAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SourceColumns} FROM sources s WHERE s.id = @id AND {Visible("s")}",
            p => p.AddText("id", id), reader => ReadSource(reader, 0), cancellationToken)).SingleOrDefault();

    /// <summary>The sources each project's figures cite, in one command for many projects, in project, source order.</summary>
    public Task<List<(string Project, Source Source)>> ProjectSourcesAsync(IReadOnlyCollection<string> projects,
        CancellationToken cancellationToken)
    {
        var cited = FigureSql.CitedSources(Visible, t => t.OfAny("f", "@projects"));
        var sql = $"""
            SELECT c.project, {SourceColumns}
            FROM ({cited}) c
            {JoinSource("c")}
            ORDER BY c.project, s.id
            """;
        return QueryAsync(sql, p => p.AddList("projects", projects),
            reader => (reader.GetString(0), ReadSource(reader, 1)), cancellationToken);
    }
}
