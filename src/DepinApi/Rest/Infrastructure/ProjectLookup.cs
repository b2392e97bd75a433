using DepinApi.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// What <see cref="ProjectResolution"/> found for the slug of a URL: the project, or the answer the handler gives instead
/// (a 308 to the project's current slug, or a 404 suggesting the nearest ones). Typed, so each handler's signature
/// names both answers.
/// </summary>
public sealed class ProjectLookup
{
    private readonly Project? _project;
    private readonly ProblemHttpResult? _problem;

    private ProjectLookup(Project? project, RedirectHttpResult? redirect, ProblemHttpResult? problem)
    {
        _project = project;
        Redirect = redirect;
        _problem = problem;
    }

    /// <summary>Whether the slug is the project's own; when not, the handler answers with <see cref="Redirect"/> or <see cref="Problem"/>.</summary>
    public bool Found => _project is not null;

    public Project Project => _project ?? throw new InvalidOperationException("No project has this slug; answer with Redirect or Problem.");

    /// <summary>The 308 to the same URL with the canonical slug, when the URL names the project another way.</summary>
    public RedirectHttpResult? Redirect { get; }

    /// <summary>The 404 for a slug that names no project.</summary>
    public ProblemHttpResult Problem => _problem ?? throw new InvalidOperationException("The slug names a project.");

    public static ProjectLookup Of(Project project) => new(project, null, null);

    public static ProjectLookup Moved(RedirectHttpResult redirect) => new(null, redirect, null);

    public static ProjectLookup Unknown(ProblemHttpResult problem) => new(null, null, problem);
}
