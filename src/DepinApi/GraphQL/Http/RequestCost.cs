namespace DepinApi.GraphQL.Http;

/// <summary>A GraphQL request's measured cost, kept on the HTTP request for the resolvers that report it.</summary>
internal static class RequestCost
{
    private static readonly object Key = new();

    public static void Set(HttpContext http, long cost) => http.Items[Key] = cost;

    public static long? Get(HttpContext http) => http.Items.TryGetValue(Key, out var cost) ? cost as long? : null;
}
