using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// The committed copy of the OpenAPI document (schema/openapi.json): how it is written, compared and regenerated.
/// Set <see cref="UpdateVariable"/>=1 to make the drift test rewrite it from the running app instead of failing.
/// </summary>
public static class ContractFile
{
    public const string UpdateVariable = "DEPIN_UPDATE_CONTRACTS";

    public static string Path => System.IO.Path.Combine(RepositoryPaths.Root, "schema", "openapi.json");

    /// <summary>The same document as OpenAPI 3.0, for generators that refuse 3.1.</summary>
    public static string Path30 => System.IO.Path.Combine(RepositoryPaths.Root, "schema", "openapi-3.0.json");

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string HowToRegenerate =>
        $"Regenerate it with: {UpdateVariable}=1 dotnet test tests/DepinApi.Tests --filter \"FullyQualifiedName~OpenApi.OpenApiDriftTests|FullyQualifiedName~OpenApi.ServedExamplesTests\" "
        + "twice when schema/served-examples.json changes (the app embeds it, so the second run builds the document from it), "
        + "then review `git diff schema/` and commit.";

    /// <summary>
    /// Fails, naming the first differences, unless the committed file at <paramref name="path"/> is <paramref name="served"/>
    /// once canonicalised; with <see cref="UpdateVariable"/>=1 rewrites the file instead.
    /// </summary>
    public static void AssertCommitted(string path, JsonNode served, string servedAt)
    {
        var canonical = Canonical(served);
        if (UpdateRequested)
        {
            File.WriteAllText(path, canonical);
            return;
        }
        var name = "schema/" + System.IO.Path.GetFileName(path);
        Assert.True(File.Exists(path), $"{path} is missing. {HowToRegenerate}");
        var committed = File.ReadAllText(path);
        if (committed == canonical)
            return;
        var differences = Differences(JsonNode.Parse(committed), served);
        Assert.Fail($"{name} differs from the document served at {servedAt}"
            + (differences.Count == 0 ? " (formatting only)" : ":\n  " + string.Join("\n  ", differences))
            + "\n" + HowToRegenerate);
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep quotes, <, > and non-ASCII text readable in the committed file; it is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical text of a document: two-space indented JSON, LF line ends, one final newline.</summary>
    public static string Canonical(JsonNode document) => document.ToJsonString(Indented).Replace("\r\n", "\n") + "\n";

    /// <summary>The first differences between two documents, as JSON paths with both values, at most <paramref name="max"/>.</summary>
    public static List<string> Differences(JsonNode? committed, JsonNode? served, int max = 10)
    {
        var found = new List<string>();
        Compare(committed, served, "$", found, max);
        return found;
    }

    private static void Compare(JsonNode? a, JsonNode? b, string path, List<string> found, int max)
    {
        if (found.Count >= max)
            return;
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!x.ContainsKey(key)) found.Add($"{path}.{key}: only in the served document");
                    else if (!y.ContainsKey(key)) found.Add($"{path}.{key}: only in the committed file");
                    else Compare(x[key], y[key], $"{path}.{key}", found, max);
                    if (found.Count >= max) return;
                }
                return;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    found.Add($"{path}: {x.Count} items committed, {y.Count} served");
                    return;
                }
                for (var i = 0; i < x.Count; i++)
                    Compare(x[i], y[i], $"{path}[{i}]", found, max);
                return;
            default:
                if (!JsonNode.DeepEquals(a, b))
                    found.Add($"{path}: committed {Short(a)}, served {Short(b)}");
                return;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
