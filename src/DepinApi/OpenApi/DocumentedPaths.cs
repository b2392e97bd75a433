namespace DepinApi.OpenApi;

/// <summary>
/// Which endpoints the REST document describes: the versioned API (its index <c>/v1</c> included), the root index
/// <c>/</c> and the health probes. GraphQL, the IDE and the docs themselves have their own descriptions and are left out
/// on purpose.
/// </summary>
public static class DocumentedPaths
{
    /// <summary>Prefix of the versioned REST API.</summary>
    public const string ApiPrefix = "/v1";

    /// <summary>The root, which answers the index as <c>/v1</c> does.</summary>
    public const string RootPath = "/";

    private static readonly string[] HealthPaths = ["/healthz", "/readyz"];

    /// <summary>Whether an endpoint with this route (ApiExplorer's relative path, no leading slash) is documented.</summary>
    public static bool Includes(string? relativePath)
    {
        var path = Normalize(relativePath);
        return IsApi(path) || IsHealth(path) || path == RootPath;
    }

    /// <summary>Whether the path belongs to the versioned API (cached, ETag'd, rate limited).</summary>
    public static bool IsApi(string path) =>
        path.Equals(ApiPrefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(ApiPrefix + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the path is a health probe (exempt from rate limiting and caching).</summary>
    public static bool IsHealth(string path) => HealthPaths.Contains(path, StringComparer.OrdinalIgnoreCase);

    /// <summary>A route as it appears in the document: leading slash, no query.</summary>
    public static string Normalize(string? relativePath) => "/" + (relativePath ?? "").TrimStart('/').Split('?')[0];
}
