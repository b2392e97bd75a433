namespace DepinApi.RateLimiting;

/// <summary>What a request costs, in the words every message about the budget uses (docs/rate-limits.md has the rules).</summary>
public static class PointPrices
{
    /// <summary>
    /// One clause: a REST answer is charged by its size and a painted chart costs more, so "1 point" alone would misstate
    /// what a client that fetched exports or PNGs spent.
    /// </summary>
    public const string InBrief =
        "a REST request costs 1 point, more for a large answer or a painted chart, and a GraphQL request its query cost; "
        + "each answer's RateLimit-Cost says what it cost";
}
