using DepinApi.ReadModel;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Finds the project a URL names. Another name for one project (a former slug kept in
/// project_slug_aliases, its token symbol, its name, its name written as a slug, any of them in any
/// case) answers 308 to the same URL with the canonical slug, query included; an unknown slug is a 404
/// that suggests the nearest slugs (<see cref="NearestNames"/>).
/// </summary>
public static class ProjectResolution
{
    /// <summary>How many slugs a 404 suggests at most.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>The project, or the redirect or problem to answer with instead.</summary>
    public static async Task<ProjectLookup> ResolveAsync(HttpContext http, ReadSession session, string slug,
        CancellationToken cancellationToken)
        => await ResolveAsync(http, session, slug, await session.ProjectAsync(slug, cancellationToken), cancellationToken);

    /// <param name="bySlug">What <c>session.ProjectAsync(slug)</c> read, when the handler read it in advance.</param>
    public static async Task<ProjectLookup> ResolveAsync(HttpContext http, ReadSession session, string slug,
        Project? bySlug, CancellationToken cancellationToken)
    {
        var named = await NameAsync(session, slug, bySlug, cancellationToken);
        if (named.Project is { } project)
            return ProjectLookup.Of(project);
        if (named.Slug is { } current)
            return ProjectLookup.Moved(TypedResults.Redirect(Relocated(http.Request, current), permanent: true, preserveMethod: true));
        return ProjectLookup.Unknown(RestProblems.UnknownProject(slug, named.Suggestions));
    }

    /// <summary>The most distinct names a <c>project</c> filter takes in one request; more is a 400.</summary>
    public const int MaxNames = 100;

    /// <summary>
    /// The canonical slugs of a comma-separated <paramref name="value"/> of a query parameter that names projects
    /// (slugs or any name <see cref="ResolveAsync(HttpContext, ReadSession, string, CancellationToken)"/> accepts),
    /// or null when absent; an unknown one is a 400.
    /// </summary>
    /// <summary>
    /// What a cursor's scope keeps of a list of project names (<see cref="CursorScope"/>): the names as
    /// <see cref="SlugsAsync"/> reads them, whose order, repetition and case (of ASCII letters) change nothing it finds.
    /// </summary>
    public static string ScopeForm(string value) =>
        string.Join(',', NamesIn(value).Select(AsciiLetters.Lower).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string[] NamesIn(string value) => value.Split(',', StringSplitOptions.TrimEntries);

    public static async Task<IReadOnlyCollection<string>?> SlugsAsync(ReadSession session, string parameter, string? value,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        // Names are looked up one by one, so a name given twice (in any case) is looked up once, and a list is capped.
        var names = NamesIn(value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (names.Length > MaxNames)
        {
            throw new InvalidParameterException(parameter, $"at most {MaxNames} distinct project names", value,
                $"The parameter '{parameter}' names {names.Length} distinct projects; at most {MaxNames} are taken in one request.");
        }
        var slugs = new List<string>();
        foreach (var name in names)
        {
            var named = await NameAsync(session, name, await session.ProjectAsync(name, cancellationToken), cancellationToken);
            if ((named.Project?.Slug ?? named.Slug) is { } slug)
            {
                slugs.Add(slug);
                continue;
            }
            var suggestions = named.Suggestions;
            throw new InvalidParameterException(parameter, "one or more (comma-separated) project slugs, e.g. helium; GET /v1/projects lists them", value,
                (name.Length == 0
                    ? $"The parameter '{parameter}' has an empty item (a comma too many?)."
                    : $"The parameter '{parameter}' names '{name}', which is no project"
                      + (suggestions.Count == 0 ? "." : $"; did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?"))
                + " GET /v1/projects lists them.")
            { Suggestion = suggestions.Count == 0 ? null : suggestions[0] };
        }
        return slugs.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>What a name of a project in a URL is: the project's own slug, another name of one project, or neither.</summary>
    private sealed record Named(Project? Project, string? Slug, IReadOnlyList<string> Suggestions);

    // The one place both the path's slug and the query's project names are looked up: the slug, then the other names,
    // then the nearest slugs (or, for a name several projects share, each of them) to suggest.
    private static async Task<Named> NameAsync(ReadSession session, string name, Project? bySlug, CancellationToken cancellationToken)
    {
        if (bySlug is not null)
            return new Named(bySlug, null, []);
        var named = await session.SlugsNamedAsync(name, cancellationToken);
        if (named is [var current])
            return new Named(null, current, []);
        return new Named(null, null, named.Count > 1 ? named : await SuggestAsync(session, name, cancellationToken));
    }

    private static async Task<IReadOnlyList<string>> SuggestAsync(ReadSession session, string slug, CancellationToken cancellationToken)
    {
        var slugs = (await session.ProjectsAsync(new ProjectQuery(), cancellationToken)).Select(p => p.Slug);
        return NearestNames.NearestFew(slug.ToLowerInvariant(), slugs, MaxSuggestions);
    }

    // Only the path segment after /projects/ changes; everything else (sub-resource, query) stays. The segment is found
    // by position, not by the name: the name is decoded (RouteValuesAsSent), the path may still spell it %2F.
    private static string Relocated(HttpRequest request, string slug)
    {
        const string marker = "/projects/";
        var path = request.Path.Value!;
        var at = path.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = path.IndexOf('/', at) is var slash and >= 0 ? slash : path.Length;
        var newPath = path[..at] + Uri.EscapeDataString(slug) + path[end..];
        return UriHelper.BuildRelative(request.PathBase, newPath, request.QueryString);
    }
}
