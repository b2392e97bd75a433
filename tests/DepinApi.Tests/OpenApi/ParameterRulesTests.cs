using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// Each query parameter's schema states the rule the server enforces: an <c>enum</c> lists exactly the values it accepts
/// (each answers, a value outside is a 400 naming the parameter, and a parameter the server checks against a list has
/// one), other letter cases accepted are said in the description, and <c>limit</c>'s bounds are where the 400s start.
/// </summary>
public class ParameterRulesTests(ManyRequestsDocumentFixture served) : IClassFixture<ManyRequestsDocumentFixture>
{
    private const string Outside = "zz-no-such-value";

    [Fact]
    public async Task Every_enum_lists_exactly_the_values_the_server_accepts()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
            foreach (var parameter in operation.Parameters.Where(p => Text(p, "in") == "query"))
            {
                var name = Text(parameter, "name")!;
                if (parameter["schema"]?["enum"] is not JsonArray values)
                {
                    // Unlisted: the server must not be checking it against a list. A network metric is named by the data
                    // version's own figures (docs/rest.md, Filter values), a list each import may change: no enum.
                    if (parameter["schema"]?["type"]?.GetValue<string>() == "string" && !(name == "metric" && operation.Path.EndsWith("/metrics", StringComparison.Ordinal))
                        && await RefusalAsync(operation, name, Outside) is { } refusal
                        && Text(refusal, "expected") is { } expected && expected.StartsWith("one of", StringComparison.Ordinal))
                        failures.Add($"{operation.Label}: '{name}' is checked against a list ({expected}) the schema does not give as an enum");
                    continue;
                }
                var caseNoted = Text(parameter, "description")?.Contains("letter case", StringComparison.Ordinal) == true;
                foreach (var value in values.Select(v => v!.GetValue<string>()))
                {
                    if (await RefusalAsync(operation, name, value) is { } refused)
                        failures.Add($"{operation.Label}: '{name}={value}' is in the enum but refused: {refused.ToJsonString()}");
                    var other = value.ToUpperInvariant();
                    if (other != value && !caseNoted && await RefusalAsync(operation, name, other) is null)
                        failures.Add($"{operation.Label}: '{name}={other}' is accepted, but the description does not say that other letter cases are");
                }
                if (await RefusalAsync(operation, name, Outside) is not { } outside || Text(outside, "parameter") != name)
                    failures.Add($"{operation.Label}: '{name}={Outside}' is outside the enum but not refused as a bad '{name}'");
            }
        AssertNone(failures);
    }

    [Fact]
    public async Task Limit_bounds_are_where_the_server_starts_refusing()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get" && o.HasParameter("limit")))
        {
            var schema = operation.Parameters.Single(p => Text(p, "name") == "limit")["schema"]!;
            if (Text(schema, "type") != "integer" || schema["minimum"] is null || schema["maximum"] is null)
            {
                failures.Add($"{operation.Label}: 'limit' is not an integer with a minimum and a maximum");
                continue;
            }
            var (minimum, maximum) = (schema["minimum"]!.GetValue<int>(), schema["maximum"]!.GetValue<int>());
            foreach (var (value, accepted) in new[] { (minimum, true), (maximum, true), (minimum - 1, false), (maximum + 1, false) })
            {
                var refused = await RefusalAsync(operation, "limit", value.ToString(CultureInfo.InvariantCulture));
                if ((refused is null) != accepted)
                    failures.Add($"{operation.Label}: 'limit={value}' is {(accepted ? "within" : "outside")} the documented bounds but {(refused is null ? "accepted" : "refused")}");
            }
        }
        AssertNone(failures);
    }

    // The 400 the server answers with when the parameter (with the format a CSV's part or a chart's mark needs) is sent.
    private async Task<JsonNode?> RefusalAsync(Operation operation, string name, string value)
    {
        List<string> query = [$"{name}={Uri.EscapeDataString(value)}"];
        if (name == "part")
            query.Add("format=csv");
        var (response, _) = await ExampleRequests.SendAsync(served.Client, operation, query);
        using (response)
            return response.StatusCode == HttpStatusCode.BadRequest ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} parameter rule(s) the document and the server disagree on (see ParameterRulesFilter):\n  " + string.Join("\n  ", failures));
}
