using DepinApi.Rest.Models;

namespace DepinApi.Screening.Http;

/// <summary>The ranked screening: one page of projects, with the data version and the methodology.</summary>
public sealed record ScreeningListResponse(
    DataVersionRef DataVersion, MethodologyRef Methodology, IReadOnlyList<ProjectScreening> Data, PageInfo Page)
{
    public static ScreeningListResponse Example => new(
        new DataVersionRef(1, new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), true), MethodologyRef.Current,
        [Examples.Helium], new PageInfo(50, null, null));
}

/// <summary>One project's screening, with the data version and the methodology.</summary>
public sealed record ProjectScreeningResponse(DataVersionRef DataVersion, MethodologyRef Methodology, ProjectScreening Data)
{
    public static ProjectScreeningResponse Example => new(
        new DataVersionRef(1, new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), true), MethodologyRef.Current, Examples.Helium);
}
