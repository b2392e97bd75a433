using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Pages;

internal static class PageFrames
{
    public static PageFrame Create(PageUrls urls, ReadSession session, string title, string description, string canonicalUrl,
        string? previewImageUrl, string? jsonUrl = null, string? csvUrl = null) =>
        new(title, description, canonicalUrl, previewImageUrl, jsonUrl ?? urls.Alternate("json"), csvUrl ?? urls.Alternate("csv"),
            Representation.Version(session), urls.Asset("pages.css"), urls.Asset("copy-citation.js"),
            Navigation(urls));

    private static PageLink[] Navigation(PageUrls urls) =>
    [
        new("Screening of every project", urls.Api("/v1/screening")),
        new("Revenue by project", urls.Api("/v1/revenue", ("metric", "annualized_external_revenue"))),
        new("Sector analytics", urls.Api("/v1/sectors/analytics")),
        new("API documentation", urls.Api(OpenApi.ApiDocs.UiPath)),
    ];
}
