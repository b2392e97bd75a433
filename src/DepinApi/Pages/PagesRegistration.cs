using DepinApi.Errors;

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
        app.MapGet(PageAssets.PathPrefix + "/{file}", Asset).RequireCors(Rest.RestApi.CorsPolicy)
            .WithDisplayName("Page assets").ExcludeFromDescription();
        return app;
    }

    private static IResult Asset(HttpContext http, PageAssets assets, string file)
    {
        if (!assets.TryGet(file, out var content, out var contentType))
            return Problems.Create(StatusCodes.Status404NotFound, "page-asset-not-found", "No such page asset.",
                $"There is no page asset named '{file}'; reload the page to get the current names.");
        // The name changes with the content, so the file never does.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(content, contentType);
    }
}
