using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace DepinApi.Pages;

/// <summary>A page as the answer of an endpoint: a Razor component rendered to HTML on the server, once, with no
/// interactivity.</summary>
/// <remarks>
/// Rendered with the components' own <see cref="HtmlRenderer"/> rather than ASP.NET Core's
/// <c>RazorComponentResult</c>. That one needs <c>AddRazorComponents()</c>, which also registers antiforgery and data
/// protection for forms these pages do not have; data protection's hosted service then reads its key ring at every
/// start, and on a machine without one creates a key and writes it, unencrypted, under the home folder
/// (docs/pages.md).
/// </remarks>
public sealed class PageResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    private readonly Type _component;
    private readonly Dictionary<string, object?> _parameters;

    private PageResult(Type component, object model)
    {
        _component = component;
        _parameters = new Dictionary<string, object?> { ["Model"] = model };
    }

    public static PageResult Of<TComponent>(object model) where TComponent : IComponent => new(typeof(TComponent), model);

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => HtmlContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var html = await RenderAsync(httpContext.RequestServices);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = HtmlContentType;
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }

    /// <summary>The page's HTML. A renderer per page: it keeps every component it rendered until it is disposed.</summary>
    private async Task<string> RenderAsync(IServiceProvider services)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync(_component, ParameterView.FromDictionary(_parameters));
            return root.ToHtmlString();
        });
    }
}
