using DepinApi.Errors;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.Extensions.Options;

namespace DepinApi.Pages;

/// <summary>The server-rendered pages of figures, projects and series (docs/pages.md): Razor components and their assets.</summary>
public static class PagesRegistration
{
    public static WebApplicationBuilder AddFigurePages(this WebApplicationBuilder builder)
    {
        // The pages themselves need no services: PageResult renders each component on its own.
        builder.Services.AddSingleton<PageAssets>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPageAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(PageAssets.PathPrefix + "/{file}", Asset).RequireCors(RestApi.CorsPolicy)
            .WithMetadata(new PublishedNames(http => Task.FromResult(
                http.RequestServices.GetRequiredService<PageAssets>().TryGet(http.GetRouteValue("file") as string ?? "", out _))))
            .WithDisplayName("Page assets").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Asset(HttpContext http, PageAssets assets, IOptions<RestOptions> rest, string file)
    {
        if (!assets.TryGet(file, out var asset))
            return Problems.Create(StatusCodes.Status404NotFound, "page-asset-not-found", "No such page asset.",
                $"There is no page asset named '{file}'; reload the page to get the current names.");
        // The name changes with the content, so the file never does.
        return await asset.ServeAsync(http, rest.Value.BytesPerPoint, PrecompressedContent.ImmutableCaching);
    }
}
