using System.Text.Json.Nodes;

namespace DepinApi.OpenApi;

/// <summary>
/// What the API answers over the seed data, recorded by a test from the running app into
/// <c>schema/served-examples.json</c> (tests/DepinApi.Tests/OpenApi/ServedExamplesTests, which fails when the record and
/// the answers differ): each documented error example's problem, and each chart's and page's opening. The document shows
/// these rather than text written beside the code, so an example is the server's own words for its request.
/// </summary>
public static class ServedExamples
{
    /// <summary>The resource's name inside the assembly.</summary>
    public const string ResourceName = "DepinApi.schema.served-examples.json";

    private static readonly Lazy<JsonObject> Recorded = new(Load);

    /// <summary>The problem recorded for the error example <paramref name="name"/> of <paramref name="status"/> on <paramref name="path"/>.</summary>
    public static JsonObject? Problem(string path, int status, string name) =>
        Recorded.Value[Key(path)]?["problems"]?[ProblemKey(status, name)] is JsonObject problem ? (JsonObject)problem.DeepClone() : null;

    /// <summary>The opening of the <paramref name="mediaType"/> body <paramref name="path"/> serves for its path examples.</summary>
    public static string? Body(string path, string mediaType) =>
        Recorded.Value[Key(path)]?[mediaType] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>How an error example is keyed within its path: status and example name.</summary>
    public static string ProblemKey(int status, string name) => $"{status} {name}";

    // A group's own route ("/v1/projects/") is written without its final slash in the document.
    private static string Key(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private static JsonObject Load()
    {
        using var stream = typeof(ServedExamples).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        return JsonNode.Parse(stream)?.AsObject() ?? [];
    }
}
