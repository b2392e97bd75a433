using System.Text.RegularExpressions;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.GraphQL;

/// <summary>
/// The load harness's nested query (bench/load/lib/queries.mjs) is measured against this schema; when a field it
/// asks for is renamed, the benchmark could only report "not measured". This keeps the two in step.
/// </summary>
public partial class BenchmarkQueryTests(GraphQLApiFixture api) : IClassFixture<GraphQLApiFixture>
{
    [Fact]
    public async Task The_harness_nested_query_runs_without_errors_and_reaches_every_level()
    {
        var source = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "bench", "load", "lib", "queries.mjs"));
        var match = NestedQuery().Match(source);
        Assert.True(match.Success, "DEPIN_NESTED_QUERY not found in bench/load/lib/queries.mjs");

        var projects = (await api.Client.DataAsync(match.Groups["query"].Value)).GetProperty("projects").GetProperty("nodes");

        Assert.Equal(7, projects.GetArrayLength());
        var all = projects.EnumerateArray().ToList();
        Assert.Contains(all, p => p.GetProperty("revenue").GetArrayLength() > 0);
        Assert.Contains(all, p => p.GetProperty("settlementMix").GetArrayLength() > 0);
        Assert.Contains(all, p => p.GetProperty("latestPrice").ValueKind == System.Text.Json.JsonValueKind.Object);
    }

    [GeneratedRegex(@"export const DEPIN_NESTED_QUERY = `(?<query>[^`]+)`")]
    private static partial Regex NestedQuery();
}
