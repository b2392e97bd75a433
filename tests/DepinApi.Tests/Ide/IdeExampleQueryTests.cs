using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Ide;

/// <summary>
/// The IDE's example tabs (ide/src/examples/) are what a new user runs first: each must run against the current
/// schema without errors and return data. A schema change that breaks one fails here, not only in the browser test.
/// </summary>
[Collection(IdeApiCollection.Name)]
public class IdeExampleQueryTests(IdeApiFixture fixture)
{
    private static readonly string ExamplesFolder = Path.Combine(RepositoryPaths.Root, "ide", "src", "examples");

    public static TheoryData<string> Examples() => new(ExampleNames());

    [Fact]
    public void There_are_the_four_examples_the_IDE_opens_with() =>
        Assert.Equal(["all-projects", "as-of", "project-figures", "schema-tour"], ExampleNames());

    private static string[] ExampleNames() =>
        [.. Directory.GetFiles(ExamplesFolder, "*.graphql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_without_errors_and_returns_data(string example)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(ExamplesFolder, example + ".graphql"));
        var variablesFile = Path.Combine(ExamplesFolder, example + ".variables.json");
        var variables = File.Exists(variablesFile) ? JsonDocument.Parse(await File.ReadAllTextAsync(variablesFile)).RootElement : (JsonElement?)null;

        using var response = await fixture.Factory.CreateClient().PostAsJsonAsync("/graphql", new { query, variables });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ValueKind == JsonValueKind.Undefined ? "" : errors.GetRawText());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
        Assert.NotEmpty(body.GetProperty("data").EnumerateObject());
    }
}
