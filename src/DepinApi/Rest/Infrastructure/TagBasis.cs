using DepinApi.Database;
using Microsoft.AspNetCore.Http.Metadata;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The data version a response's tag is derived from, and whether the response shows it as superseded. A response
/// follows the newest version, whose every import may change it, unless its <c>asOf</c> pins an older version number:
/// that version's rows never change, and once a newer one exists the response says so for good
/// (<c>dataVersion.current</c> false), so its tag stays the same across imports and <c>If-None-Match</c> keeps matching.
/// A pinned version that is the newest shows <c>current: true</c>, which the next import changes: its tag is the newest's.
/// </summary>
public readonly record struct TagBasis(int Version, bool Superseded)
{
    /// <summary>
    /// The tags a 200 of <paramref name="request"/> may carry now, known in memory (no query): the newest version's,
    /// and that of the version its <c>asOf</c> pins when it is older. Which of them the answer carries (a page follows
    /// the newest, see <see cref="Of"/>) shows only once it is built; a client can only hold one the server issued for
    /// this very request, and either names what the answer is now.
    /// </summary>
    public static IReadOnlyList<TagBasis> Candidates(HttpRequest request, DataVersionInfo newest) =>
        PinnedVersion(request) is { } pinned && pinned < newest.Id
            ? [new(newest.Id, false), new(pinned, true)]
            : [new(newest.Id, false)];

    /// <summary>
    /// What the 200 <paramref name="answer"/> was built from, as its read session saw it. A page (HTML) follows the newest
    /// version whatever its <c>asOf</c>: a figure's page says whether the figure was revised since, which a later import
    /// changes.
    /// </summary>
    public static TagBasis Of(HttpContext http, object? answer, DataVersionInfo newest)
    {
        var read = SnapshotVersion.ReadBy(http);
        var page = answer is IContentTypeHttpResult { ContentType: { } type }
                   && type.StartsWith(ContentNegotiation.HtmlMediaType, StringComparison.OrdinalIgnoreCase);
        if (!page && PinnedVersion(http.Request) is { } pinned && read is { } session && session.Read.Id == pinned)
            return new(pinned, Superseded: !session.IsCurrent);
        // The snapshot may have seen a version the tracker has not yet (a standby is polled): tag what was read.
        return new((SnapshotVersion.Of(http) ?? newest).Id, false);
    }

    /// <summary>
    /// The version number <c>asOf</c> names, read as the endpoints read it (a name in any case; given twice, it is an
    /// error and pins nothing). A day pins data too once it is past, but which version it names only the database knows
    /// (the imports' times, by the database's clock, which may also be behind the server's at midnight): such a tag
    /// follows the newest version, so revalidating one after an import costs a read.
    /// </summary>
    private static int? PinnedVersion(HttpRequest request) =>
        request.Query.TryGetValue("asOf", out var asOf) && asOf.Count == 1 && ReadModel.AsOf.TryParse(asOf[0], out var parsed)
            ? parsed.Version
            : null;
}
