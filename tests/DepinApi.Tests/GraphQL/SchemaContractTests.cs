using System.Text.Json;
using DepinApi.GraphQL;
using DepinApi.Tests.Infrastructure;
using GraphQLEngine.Utilities;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// schema/schema.graphql is the published contract: the printed SDL of the running schema. When the schema changes on
/// purpose, regenerate the file with <c>UPDATE_GRAPHQL_SCHEMA=1 dotnet test --filter SchemaContractTests</c>.
/// </summary>
public class SchemaContractTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    private static readonly string SchemaFile = Path.Combine(RepositoryPaths.Root, "schema", "schema.graphql");

    [Fact]
    public void The_published_sdl_is_the_printed_schema()
    {
        var printed = SchemaPrinter.PrintSchema(DepinSchema.Create()) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GRAPHQL_SCHEMA") == "1") File.WriteAllText(SchemaFile, printed);

        var published = File.Exists(SchemaFile) ? File.ReadAllText(SchemaFile).ReplaceLineEndings("\n") : "";
        Assert.True(published == printed,
            "schema/schema.graphql differs from the schema the code builds. If the change is intended, regenerate it: "
            + "UPDATE_GRAPHQL_SCHEMA=1 dotnet test tests/DepinApi.Tests --filter FullyQualifiedName~SchemaContractTests");
    }

    [Fact]
    public async Task Every_type_field_argument_and_enum_value_has_a_description()
    {
        var data = await api.Client.DataAsync("""
            { __schema { types { name description
                fields { name description args { name description } }
                inputFields { name description }
                enumValues { name description } } } }
            """);

        var missing = new List<string>();
        foreach (var type in data.GetProperty("__schema").GetProperty("types").EnumerateArray())
        {
            var name = type.GetProperty("name").GetString()!;
            if (name.StartsWith("__")) continue;
            if (IsBlank(type.GetProperty("description"))) missing.Add(name);
            foreach (var field in Items(type, "fields"))
            {
                var coordinate = $"{name}.{field.GetProperty("name").GetString()}";
                if (IsBlank(field.GetProperty("description"))) missing.Add(coordinate);
                foreach (var argument in Items(field, "args"))
                    if (IsBlank(argument.GetProperty("description"))) missing.Add($"{coordinate}({argument.GetProperty("name").GetString()})");
            }
            foreach (var input in Items(type, "inputFields"))
                if (IsBlank(input.GetProperty("description"))) missing.Add($"{name}.{input.GetProperty("name").GetString()}");
            foreach (var value in Items(type, "enumValues"))
                if (IsBlank(value.GetProperty("description"))) missing.Add($"{name}.{value.GetProperty("name").GetString()}");
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_schema_speaks_of_the_domain_and_its_scalars()
    {
        var data = await api.Client.DataAsync("""{ __schema { types { name kind } } }""");

        var types = data.GetProperty("__schema").GetProperty("types").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("kind").GetString());
        foreach (var scalar in new[] { "Quarter", "Date", "Decimal", "AsOf" }) Assert.Equal("SCALAR", types[scalar]);
        foreach (var enumeration in new[] { "RevenueMetric", "Basis", "Sector", "Units" }) Assert.Equal("ENUM", types[enumeration]);
    }

    private static bool IsBlank(JsonElement description) =>
        description.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(description.GetString());

    private static IEnumerable<JsonElement> Items(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];
}
