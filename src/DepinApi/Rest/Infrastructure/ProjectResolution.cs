using DepinApi.ReadModel;
using Microsoft.AspNetCore.Http.Extensions;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Finds the project a URL names. A former slug (kept in project_slug_aliases) answers 308 to the
/// same URL with the current slug, query included; an unknown slug is a 404 that suggests the
/// nearest slug by edit distance.
/// </summary>
public static class ProjectResolution
{
    /// <summary>The project, or the redirect or problem to answer with instead.</summary>
    public static async Task<(Project? Project, IResult? Answer)> ResolveAsync(HttpContext http, ReadSession session, string slug,
        CancellationToken cancellationToken)
    {
        if (await session.ProjectAsync(slug, cancellationToken) is { } project)
            return (project, null);
        var renamed = await session.QueryAsync(
            $"SELECT a.slug FROM project_slug_aliases a WHERE a.alias = @alias AND {session.Visible("a")}",
            p => p.AddWithValue("alias", slug), r => r.GetString(0), cancellationToken);
        if (renamed is [var current])
            return (null, TypedResults.Redirect(Relocated(http.Request, slug, current), permanent: true, preserveMethod: true));
        var slugs = (await session.ProjectsAsync(new ProjectQuery(), cancellationToken)).Select(p => p.Slug).ToList();
        return (null, RestProblems.UnknownProject(slug, Nearest(slug, slugs)));
    }

    /// <summary>The nearest slug within a few edits, or null when none is close enough to be a plausible typo.</summary>
    public static string? Nearest(string slug, IEnumerable<string> slugs)
    {
        var best = slugs
            .Select(candidate => (Slug: candidate, Distance: EditDistance.Between(slug, candidate)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Slug, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Slug is not null && best.Distance <= Math.Max(2, slug.Length / 2) ? best.Slug : null;
    }

    // Only the path segment after /projects/ changes; everything else (sub-resource, query) stays.
    private static string Relocated(HttpRequest request, string alias, string slug)
    {
        var path = request.Path.Value!;
        var marker = "/projects/" + alias;
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        var newPath = path[..at] + "/projects/" + Uri.EscapeDataString(slug) + path[(at + marker.Length)..];
        return UriHelper.BuildRelative(request.PathBase, newPath, request.QueryString);
    }
}
