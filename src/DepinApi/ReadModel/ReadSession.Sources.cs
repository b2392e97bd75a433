using Npgsql;

namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    /// <summary>The source columns every figure query selects last, from the sources table aliased "s".</summary>
    internal const string SourceColumns = "s.id, s.publisher, s.title, s.published_on, s.published_label, s.kind, s.url";

    // Figures of a long series mostly cite the same few sources; one instance each keeps them cheap.
    private readonly Dictionary<string, Source> sourcesSeen = new(StringComparer.Ordinal);

    /// <summary>The join that gives a figure aliased <paramref name="alias"/> its source as of this version.</summary>
    internal string JoinSource(string alias) => $"JOIN sources s ON s.id = {alias}.source AND {Visible("s")}";

    internal Source ReadSource(NpgsqlDataReader reader, int first)
    {
        var id = reader.GetString(first);
        lock (sourcesSeen)
        {
            if (sourcesSeen.TryGetValue(id, out var known))
                return known;
            var source = new Source(id, reader.GetString(first + 1), reader.GetString(first + 2), reader.DateOrNull(first + 3),
                reader.GetString(first + 4), reader.GetString(first + 5), reader.TextOrNull(first + 6));
            sourcesSeen[id] = source;
            return source;
        }
    }

    public Task<List<Source>> SourcesAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {SourceColumns} FROM sources s WHERE {Visible("s")} ORDER BY s.id",
            null, reader => ReadSource(reader, 0), cancellationToken);

    public async Task<Source?> SourceAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SourceColumns} FROM sources s WHERE s.id = @id AND {Visible("s")}",
            p => p.AddText("id", id), reader => ReadSource(reader, 0), cancellationToken)).SingleOrDefault();
}
