using System.Globalization;
using System.Text.Json.Nodes;
using DepinApi.OpenApi;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// A server whose page sizes are configured otherwise documents its own: <c>limit</c>'s text, example and maximum come
/// from <c>Rest:MaxLimit</c> and <c>Rest:DefaultLimit</c>, never from the defaults.
/// </summary>
public class ConfiguredLimitDocumentTests(ConfiguredLimitDocumentTests.Fixture served) : IClassFixture<ConfiguredLimitDocumentTests.Fixture>
{
    private const int MaxLimit = 200;
    private const int DefaultLimit = 20;

    public sealed class Fixture : ServedDocumentFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Rest:MaxLimit"] = MaxLimit.ToString(CultureInfo.InvariantCulture),
            ["Rest:DefaultLimit"] = DefaultLimit.ToString(CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public void Every_limit_states_the_configured_bounds_and_default()
    {
        var limits = Operations(served.Document)
            .Where(o => o.HasParameter("limit"))
            .Select(o => (o.Label, Parameter: o.Parameters.Single(p => Text(p, "name") == "limit")))
            .ToList();
        Assert.NotEmpty(limits);
        foreach (var (label, parameter) in limits)
        {
            Assert.True(Text(parameter, "description")?.Contains($"1 to {MaxLimit}, default {DefaultLimit}.", StringComparison.Ordinal) == true,
                $"{label}: {Text(parameter, "description")}");
            Assert.Equal(MaxLimit, parameter["schema"]!["maximum"]!.GetValue<int>());
            var examples = parameter["examples"]!.AsObject()
                .Where(e => e.Key != ParameterDocsFilter.NotSentExample)
                .Select(e => e.Value!["value"]!.GetValue<int>());
            Assert.Equal([DefaultLimit], examples);
        }
    }

    [Fact]
    public async Task The_default_it_states_is_the_page_size_served()
    {
        using var response = await served.Client.GetAsync("/v1/projects");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["data"]!.AsArray().Count <= DefaultLimit);
        Assert.Equal(DefaultLimit, body["page"]!["limit"]!.GetValue<int>());
    }
}
