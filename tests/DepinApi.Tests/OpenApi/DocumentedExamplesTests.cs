using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// The document against the running API over the seed data: each GET, called with its documented path
/// examples, answers 200 with a body its schema describes, and where CSV is documented the served CSV has the
/// documented header row. A query parameter's example is added only when the API names it in a 400 (a required
/// filter), so the calls stay the plainest ones a reader would try first.
/// </summary>
public partial class DocumentedExamplesTests(ServedDocumentFixture served) : IClassFixture<ServedDocumentFixture>
{
    [Fact]
    public async Task Every_get_answers_its_documented_example_with_a_body_the_schema_describes()
    {
        var failures = new List<string>();
        var components = served.Document["components"]!.AsObject();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
        {
            var (response, url) = await RequestExampleAsync(operation, csv: false);
            using (response)
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{operation.Label}: GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                if (operation.Node["responses"]?["200"]?["content"]?["application/json"]?["schema"] is not { } schema)
                    continue;
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                var found = new List<string>();
                SchemaConformance.Check(body, schema, components, "$", found);
                failures.AddRange(found.Select(f => $"{operation.Label}: GET {url}: {f}"));
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} difference(s) between the document and what is served:\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task Every_query_parameter_example_answers_200()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
            foreach (var parameter in operation.Parameters.Where(p => Text(p, "in") == "query" && HasExample(p)))
            {
                var name = Text(parameter, "name")!;
                List<string> query = [$"{name}={Uri.EscapeDataString(ExampleRequests.ExampleText(parameter))}"];
                var (response, url) = await ExampleRequests.SendAsync(served.Client, operation, query);
                // A parameter of one format only (a chart's mark, a CSV's part): the 400 says which; ask for it too.
                if (response.StatusCode == HttpStatusCode.BadRequest
                    && Text(JsonNode.Parse(await response.Content.ReadAsStringAsync()), "expected") is { } expected
                    && FormatNamed().Match(expected) is { Success: true } format)
                {
                    response.Dispose();
                    (response, url) = await ExampleRequests.SendAsync(served.Client, operation, [.. query, format.Value]);
                }
                using (response)
                    if (response.StatusCode != HttpStatusCode.OK)
                        failures.Add($"{operation.Label}: the example of '{name}', GET {url}, answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        Assert.True(failures.Count == 0, $"{failures.Count} parameter example(s) that do not answer (docs/openapi.md promises every example URL answers 200):\n  " + string.Join("\n  ", failures));
    }

    [Theory]
    [InlineData("csv", "/v1/projects/aethir/revenue/2025Q2?format=csv")]
    [InlineData("chart", "/v1/projects/aethir/revenue?format=svg&metric=quarterly_revenue")]
    public async Task The_content_disposition_examples_are_what_is_served(string example, string url)
    {
        var documented = served.Document["components"]!["headers"]!["Content-Disposition"]!["examples"]![example]!["value"]!.GetValue<string>();
        using var response = await served.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(documented, string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
    }

    [Fact]
    public async Task Every_documented_csv_has_the_header_row_that_is_served()
    {
        var failures = new List<string>();
        var checkedAny = false;
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
        {
            if (Text(operation.Node["responses"]?["200"]?["content"]?["text/csv"], "example") is not { } documented)
                continue;
            var (response, url) = await RequestExampleAsync(operation, csv: true);
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/csv")
                {
                    failures.Add($"{operation.Label}: GET {url} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                    continue;
                }
                checkedAny = true;
                var servedHeader = text.Split("\r\n")[0];
                var documentedHeader = documented.Split("\r\n")[0];
                if (servedHeader != documentedHeader)
                    failures.Add($"{operation.Label}: CSV header served\n      {servedHeader}\n    documented\n      {documentedHeader}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} CSV difference(s) (put [OpenApiCsvExample] on the response type if its columns are not its JSON fields):\n  " + string.Join("\n  ", failures));
        Assert.True(checkedAny || !Operations(served.Document).Any(o => o.HasParameter("format")), "the document has no CSV example to check: they are derived from the JSON examples, which are missing (see OpenApiLintTests)");
    }

    private Task<(HttpResponseMessage Response, string Url)> RequestExampleAsync(Operation operation, bool csv) =>
        ExampleRequests.SendAsync(served.Client, operation, csv ? ["format=csv"] : []);

    [GeneratedRegex(@"(?<=without )format=[a-z]+")]
    private static partial Regex FormatNamed();
}
