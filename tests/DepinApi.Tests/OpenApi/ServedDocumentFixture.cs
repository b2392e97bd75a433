using System.Text.Json.Nodes;
using DepinApi.OpenApi;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// One running app (over a fresh database with the seed data) shared by a test class, and the OpenAPI document
/// as it serves it at /openapi/v1.json.
/// </summary>
public class ServedDocumentFixture : IAsyncLifetime
{
    /// <summary>Settings beside the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The served document's text, exactly as sent.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The served document, parsed.</summary>
    public JsonObject Document { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await ApiFactory.WithSeedDataAsync(Settings);
        Client = Factory.CreateClient();
        using var response = await Client.GetAsync(ApiDocs.DocumentPath);
        response.EnsureSuccessStatusCode();
        Text = await response.Content.ReadAsStringAsync();
        Document = JsonNode.Parse(Text)!.AsObject();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>
/// The same, for a class that makes a request per example (several hundred): a budget no run spends, so every answer
/// is the endpoint's own and none a 429.
/// </summary>
public sealed class ManyRequestsDocumentFixture : ServedDocumentFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Anonymous:PointsPerWindow"] = "1000000",
        ["RateLimiting:Anonymous:BurstPoints"] = "1000000",
    };
}
