using System.Net;
using System.Text.Json.Nodes;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// An operation called as a reader of the document would first call it: its path examples filled in, and a query
/// parameter's example added only when the API names it in a 400 (a required filter).
/// </summary>
public static class ExampleRequests
{
    /// <summary>GETs the operation's example URL with <paramref name="query"/>, each request shaped by <paramref name="prepare"/>.</summary>
    public static async Task<(HttpResponseMessage Response, string Url)> SendAsync(HttpClient client, Operation operation,
        IEnumerable<string> query, Action<HttpRequestMessage>? prepare = null)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => Text(p, "in") == "path"))
            path = path.Replace("{" + Text(parameter, "name") + "}", Uri.EscapeDataString(ExampleText(parameter)));
        var parts = query.ToList();
        while (true)
        {
            var url = parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            prepare?.Invoke(request);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
                return (response, url);
            // A required filter: the problem names it; add its documented example once.
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var named = Text(problem, "parameter");
            var parameter = operation.Parameters.FirstOrDefault(p => Text(p, "name") == named && Text(p, "in") == "query");
            if (parameter is null || parts.Any(q => q.StartsWith(named + "=", StringComparison.Ordinal)))
                return (response, url);
            response.Dispose();
            parts.Add($"{named}={Uri.EscapeDataString(ExampleText(parameter))}");
        }
    }

    /// <summary>A parameter's example: a required one's <c>example</c>, an optional one's named example with a value (the first has none: see ParameterDocsFilter).</summary>
    public static string ExampleText(JsonObject parameter) => (parameter["example"]
        ?? parameter["examples"]?.AsObject().Select(e => e.Value?["value"]).FirstOrDefault(v => v is not null)) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        { } other => other.ToJsonString(),
        null => "",
    };
}
