using System.Text.Json.Nodes;
using DepinApi.OpenApi;

namespace DepinApi.Tests.OpenApi;

/// <summary>The committed schema/openapi.json is the document the running app serves, byte for byte once canonicalised.</summary>
public class OpenApiDriftTests(ServedDocumentFixture served) : IClassFixture<ServedDocumentFixture>
{
    [Fact]
    public void The_committed_document_is_the_served_one() =>
        ContractFile.AssertCommitted(ContractFile.Path, served.Document, "/openapi/v1.json");

    [Fact]
    public async Task The_committed_3_0_document_is_the_served_one()
    {
        using var response = await served.Client.GetAsync(ApiDocs.Document30Path);
        response.EnsureSuccessStatusCode();
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // 3.0.x, which the client generators of openapi-generators/ and tests/ClientGeneration.Tests accept.
        Assert.StartsWith("3.0.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            served.Document["paths"]!.AsObject().Select(p => p.Key),
            document["paths"]!.AsObject().Select(p => p.Key));
        ContractFile.AssertCommitted(ContractFile.Path30, document, ApiDocs.Document30Path);
    }

    [Fact]
    public void The_document_is_openapi_3_1_with_a_relative_server()
    {
        Assert.StartsWith("3.1", served.Document["openapi"]!.GetValue<string>());
        var servers = served.Document["servers"]!.AsArray();
        var url = Assert.Single(servers)!["url"]!.GetValue<string>();
        Assert.StartsWith("/", url);
    }
}
