namespace DepinApi.Security;

/// <summary>
/// HSTS and the redirect from HTTP to HTTPS (section <c>Security:Https</c>). Off by default: the
/// service usually listens on plain HTTP behind a proxy; turn it on where TLS reaches the clients
/// (the proxy's X-Forwarded-Proto, from a trusted proxy, tells the service a request came over HTTPS).
/// </summary>
public sealed class HttpsOptions
{
    public const string Section = "Security:Https";

    public bool Enabled { get; set; }

    /// <summary>The port HTTP requests are redirected to.</summary>
    public int Port { get; set; } = 443;

    public int HstsMaxAgeDays { get; set; } = 365;

    public bool HstsIncludeSubDomains { get; set; }
}
