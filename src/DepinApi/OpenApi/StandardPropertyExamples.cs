namespace DepinApi.OpenApi;

/// <summary>
/// Examples for response properties whose name means the same everywhere (envelope fields of generic
/// pages, links, versions), used when a response type has no static <c>Example</c> of its own.
/// </summary>
public static class StandardPropertyExamples
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slug"] = "aethir",
        ["project"] = "aethir",
        ["quarter"] = "2025Q2",
        ["metric"] = "quarterly_revenue",
        ["basis"] = "disclosed",
        ["asOf"] = "2026-01-15",
        ["dataVersion"] = "1",
        ["version"] = "1",
        ["limit"] = "50",
        ["count"] = "1",
        ["total"] = "1",
        ["next"] = "/v1/projects?cursor=eyJhZnRlciI6ImFldGhpciJ9&limit=50",
        ["nextCursor"] = "eyJhZnRlciI6ImFldGhpciJ9",
        ["cursor"] = "eyJhZnRlciI6ImFldGhpciJ9",
        ["permalink"] = "/v1/projects/aethir/revenue/2025Q2",
        ["status"] = "ok",
    };

    /// <summary>The standard example text for a property name, if there is one.</summary>
    public static string? Find(string name) => Examples.GetValueOrDefault(name);
}
