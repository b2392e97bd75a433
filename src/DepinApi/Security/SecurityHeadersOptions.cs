namespace DepinApi.Security;

/// <summary>The headers every response carries (section <c>Security:Headers</c>).</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "Security:Headers";

    /// <summary>The policy for API responses (JSON, CSV, problems): they load nothing and may not be framed.</summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The policy for the HTML pages (API docs, GraphQL IDE): scripts, styles and fonts from this
    /// origin only, no inline script and no eval; inline styles because both UIs set them at run time.
    /// </summary>
    public string PageContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for the server-rendered pages of figures, projects and series (docs/pages.md): the page's own
    /// stylesheet, script and chart images from this origin, nothing inline, no framing.
    /// </summary>
    public string FigurePageContentSecurityPolicy { get; set; } =
        "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// The policy for SVG charts: they run no script and load nothing, and any site may frame them (the embed
    /// snippet of every chart page is an <c>&lt;iframe&gt;</c> or <c>&lt;img&gt;</c> of one).
    /// </summary>
    public string ChartContentSecurityPolicy { get; set; } =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *";

    /// <summary>Path prefixes served with <see cref="PageContentSecurityPolicy"/>.</summary>
    public string[] PagePaths { get; set; } = ["/docs", "/graphql"];

    public string ReferrerPolicy { get; set; } = "no-referrer";
}
