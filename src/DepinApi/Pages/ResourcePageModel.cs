namespace DepinApi.Pages;

/// <summary>A page of a project, a series or a cross-project table: built from the same views its JSON serves.</summary>
public sealed record ResourcePageModel(
    PageFrame Frame, string Heading, IReadOnlyList<string> Intro, IReadOnlyList<PageLink> Links, IReadOnlyList<PageSection> Sections);

/// <summary>A part of a page: an optional heading and chart, and a table.</summary>
public sealed record PageSection(string? Heading, ChartRef? Chart, PageTable Table);
