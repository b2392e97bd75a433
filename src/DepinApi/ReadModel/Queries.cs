namespace DepinApi.ReadModel;

// What a caller asks for. Null means "no restriction". Keyset positions (After) are the sort
// key of the last row already seen, so deep pages cost the same as the first.

/// <summary>The order of a project list: by slug or by name, either way; the slug breaks ties.</summary>
public enum ProjectSort { Slug, Name }

public sealed record ProjectQuery
{
    public string? Sector { get; init; }
    /// <summary>Case-insensitive substring of the name, slug or token symbol.</summary>
    public string? Search { get; init; }
    public IReadOnlyCollection<string>? Slugs { get; init; }
    public ProjectSort Sort { get; init; } = ProjectSort.Slug;
    public bool Descending { get; init; }
    /// <summary>The (sort value, slug) of the last project already returned.</summary>
    public (string SortValue, string Slug)? After { get; init; }
    public int? Limit { get; init; }
}

/// <summary>Figures of some projects, or of one source.</summary>
public sealed record FigureQuery
{
    public IReadOnlyCollection<string>? Projects { get; init; }
    public string? SourceId { get; init; }
    /// <summary>Only this metric: of network metrics and sector figures, which have one.</summary>
    public string? Metric { get; init; }
}

/// <summary>Revenue figures in project, quarter, metric, id order.</summary>
public sealed record RevenueQuery
{
    public IReadOnlyCollection<string>? Projects { get; init; }
    public IReadOnlyCollection<string>? Metrics { get; init; }
    public Quarter? From { get; init; }
    public Quarter? To { get; init; }
    public string? SourceId { get; init; }
}

/// <summary>Token prices in project, date, id order.</summary>
public sealed record PriceQuery
{
    public IReadOnlyCollection<string>? Projects { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? SourceId { get; init; }
    public (string Project, DateOnly Date, string Id)? After { get; init; }
    public int? Limit { get; init; }
}

/// <summary>Changes in version, table, id order.</summary>
public sealed record ChangeQuery
{
    /// <summary>Only this version's changes; otherwise every version up to the session's.</summary>
    public int? Version { get; init; }
    public (int Version, string Table, string Id)? After { get; init; }
    public int? Limit { get; init; }
}
