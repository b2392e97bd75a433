using DepinApi.ReadModel;
using Microsoft.AspNetCore.Http.Extensions;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Finds the project a URL names. Another name for one project (a former slug kept in
/// project_slug_aliases, its token symbol, its name, its name written as a slug, any of them in any
/// case) answers 308 to the same URL with the canonical slug, query included; an unknown slug is a 404
/// that suggests the nearest slugs by edit distance.
/// </summary>
public static class ProjectResolution
{
    /// <summary>How many slugs a 404 suggests at most.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>The project, or the redirect or problem to answer with instead.</summary>
    public static async Task<(Project? Project, IResult? Answer)> ResolveAsync(HttpContext http, ReadSession session, string slug,
        CancellationToken cancellationToken)
        => await ResolveAsync(http, session, slug, await session.ProjectAsync(slug, cancellationToken), cancellationToken);

    /// <param name="bySlug">What <c>session.ProjectAsync(slug)</c> read, when the handler read it in advance.</param>
    public static async Task<(Project? Project, IResult? Answer)> ResolveAsync(HttpContext http, ReadSession session, string slug,
        Project? bySlug, CancellationToken cancellationToken)
    {
        if (bySlug is not null)
            return (bySlug, null);
        var named = await session.SlugsNamedAsync(slug, cancellationToken);
        if (named is [var current])
            return (null, TypedResults.Redirect(Relocated(http.Request, slug, current), permanent: true, preserveMethod: true));
        return (null, RestProblems.UnknownProject(slug, named.Count > 1 ? named : await SuggestAsync(session, slug, cancellationToken)));
    }

    /// <summary>
    /// The canonical slugs of a comma-separated <paramref name="value"/> of a query parameter that names projects
    /// (slugs or any name <see cref="ResolveAsync"/> accepts), or null when absent; an unknown one is a 400.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>?> SlugsAsync(ReadSession session, string parameter, string? value,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        var slugs = new List<string>();
        foreach (var name in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (await session.ProjectAsync(name, cancellationToken) is { } project)
            {
                slugs.Add(project.Slug);
                continue;
            }
            var named = await session.SlugsNamedAsync(name, cancellationToken);
            if (named is [var slug])
            {
                slugs.Add(slug);
                continue;
            }
            var suggestions = named.Count > 1 ? named : await SuggestAsync(session, name, cancellationToken);
            throw new InvalidParameterException(parameter, "one or more (comma-separated) project slugs, e.g. helium; GET /v1/projects lists them", value,
                $"The parameter '{parameter}' names '{name}', which is no project"
                + (suggestions.Count == 0 ? "" : $"; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?")
                + " GET /v1/projects lists them.")
            { Suggestion = suggestions.Count == 0 ? null : suggestions[0] };
        }
        return slugs.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static async Task<IReadOnlyList<string>> SuggestAsync(ReadSession session, string slug, CancellationToken cancellationToken)
    {
        var slugs = (await session.ProjectsAsync(new ProjectQuery(), cancellationToken)).Select(p => p.Slug);
        return NearestFew(slug.ToLowerInvariant(), slugs, MaxSuggestions);
    }

    /// <summary>The nearest slug within a few edits, or null when none is close enough to be a plausible typo.</summary>
    public static string? Nearest(string slug, IEnumerable<string> slugs) => NearestFew(slug, slugs, 1) is [var nearest] ? nearest : null;

    /// <summary>Up to <paramref name="count"/> slugs within a few edits of <paramref name="slug"/>, nearest first.</summary>
    public static IReadOnlyList<string> NearestFew(string slug, IEnumerable<string> slugs, int count)
    {
        var limit = Math.Max(2, slug.Length / 2);
        return slugs
            .Select(candidate => (Slug: candidate, Distance: EditDistance.Between(slug, candidate)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance).ThenBy(c => c.Slug, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Slug)
            .ToList();
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
