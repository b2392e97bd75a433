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

    /// <summary>Path prefixes served with <see cref="PageContentSecurityPolicy"/>.</summary>
    public string[] PagePaths { get; set; } = ["/docs", "/graphql"];

    public string ReferrerPolicy { get; set; } = "no-referrer";
}
