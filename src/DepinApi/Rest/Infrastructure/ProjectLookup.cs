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
    private readonly ProjectElsewhere? _elsewhere;

    private ProjectLookup(Project? project, ProjectElsewhere? elsewhere)
    {
        _project = project;
        _elsewhere = elsewhere;
    }

    /// <summary>Whether the slug is the project's own; when not, the handler answers with <see cref="Elsewhere"/>.</summary>
    public bool Found => _project is not null;

    public Project Project => _project ?? throw new InvalidOperationException("No project has this slug; answer with Elsewhere.");

    /// <summary>The 308 to the same URL with the canonical slug when the URL names the project another way, else the 404.</summary>
    public ProjectElsewhere Elsewhere => _elsewhere ?? throw new InvalidOperationException("The slug names a project.");

    public static ProjectLookup Of(Project project) => new(project, null);

    public static ProjectLookup Moved(RedirectHttpResult redirect) => new(null, ProjectElsewhere.Moved(redirect));

    public static ProjectLookup Unknown(ProblemHttpResult problem) => new(null, ProjectElsewhere.Unknown(problem));
}
