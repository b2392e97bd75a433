using System.Text;
using System.Text.Json;
using DepinApi.Tests.RateLimiting;
using Xunit.Abstractions;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>
/// The cost model's promise for requests refused before they run (docs/graphql.md, "What a point buys"): their answer
/// holds at most <see cref="CostPerPointTests.MaxBytesPerPoint"/> bytes per point charged, as an executed operation's
/// does. Each case is the longest answer of its kind found for a body of one point (at most 512 bytes): a document or
/// variables whose errors quote the client's text, repeat it or list many locations.
/// </summary>
public class RefusalBytesPerPointTests(RateLimitDatabase database, ITestOutputHelper output) : IClassFixture<RateLimitDatabase>
{
    private const string ProjectsByFilter = "query($f:ProjectFilter){projects(first:1,filter:$f){nodes{slug}}}";

    public static TheoryData<string, string, string?> Refusals() => new()
    {
        // Each coercion error quoted the whole value (up to 256 characters), and there may be 50 of them.
        { "unknown input fields", ProjectsByFilter, Fill("{\"f\":{", i => $"\"k{i}\":1", ",", "}}") },
        { "list items of the wrong type", ProjectsByFilter, Fill("{\"f\":{\"slugs\":[", _ => "1", ",", "]}}") },
        { "unknown input fields named in emoji", ProjectsByFilter, Fill("{\"f\":{", i => $"\"{i}\U0001F600\U0001F600\":1", ",", "}}") },
        // Conflicts name their subfields' conflicts and list every location.
        { "four copies of a field whose aliased subfields conflict", FillDocument(
            "{", i => $"a:project(slug:\"h\"){{{string.Join(" ", Enumerable.Range(0, 11).Select(j => $"b:{Fields[(i + j) % Fields.Length]}"))}}}", " ", "}"), null },
        { "two copies of a field selecting one name thirty times", "{a:project(slug:\"h\"){" + string.Join(" ", Enumerable.Repeat("b:slug", 30))
            + "} a:project(slug:\"h\"){" + string.Join(" ", Enumerable.Repeat("b:name", 30)) + "}}", null },
        { "fields under one response key", FillDocument("{", i => $"a:project(slug:\"h\"){{b:{Fields[i % Fields.Length]}}}", " ", "}"), null },
        // Names quoted, and suggestions added.
        { "unknown fields with long names", FillDocument("{", i => "projectz" + new string('x', 80) + i, " ", "}"), null },
        { "unknown arguments with suggestions", FillDocument("{projects(", i => new[] { "firs", "las", "afte", "befor", "filte", "orde" }[i % 6] + ":1", ",", "){nodes{slug}}}"), null },
        { "a fragment cycle through many spreads", FillDocument("{...F0} ", i => $"fragment F{i} on Query{{...F{i + 1}}}", " ", "", last: i => $"fragment F{i} on Query{{...F0}}"), null },
        { "a syntax error quoting a long name", "{ a } " + new string('x', 480), null },
        { "undefined variables", FillDocument("query Q{", i => $"p{i}:project(slug:$v{i}){{slug}}", " ", "}"), null },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_request_answers_at_most_the_stated_bytes_per_point(string what, string query, string? variables)
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits(
            ("RateLimiting:Anonymous:PointsPerWindow", "1000000"),
            ("GraphQL:CacheEnabled", "false")));

        using var request = RateLimitedApi.GraphQLRequest(query, variablesJson: variables);
        var sent = await request.Content!.ReadAsByteArrayAsync();
        using var reply = await api.Client.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        var bytes = Encoding.UTF8.GetByteCount(text);
        var points = long.Parse(Assert.Single(reply.Headers.GetValues("RateLimit-Cost")), System.Globalization.CultureInfo.InvariantCulture);
        var answer = JsonDocument.Parse(text).RootElement;
        output.WriteLine($"{what}: {sent.Length} bytes sent, {(int)reply.StatusCode}, {answer.GetProperty("errors").GetArrayLength()} errors, "
                         + $"{bytes} bytes for {points} points");

        Assert.False(answer.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, what);
        Assert.True(bytes <= CostPerPointTests.MaxBytesPerPoint * points,
            $"{what}: {bytes} bytes for {points} points\n{(text.Length > 3_000 ? text[..3_000] + "…" : text)}");
    }

    private static readonly string[] Fields = ["slug", "name", "sector", "subTrack", "tokenSymbol", "chain", "website", "description"];

    /// <summary>As many items as keep the request's body within one point (512 bytes).</summary>
    private static string Fill(string start, Func<int, string> item, string separator, string end)
    {
        var items = new List<string>();
        while (BodyBytes(ProjectsByFilter, start + string.Join(separator, items.Append(item(items.Count))) + end) <= 512)
            items.Add(item(items.Count));
        return start + string.Join(separator, items) + end;
    }

    /// <inheritdoc cref="Fill"/>
    private static string FillDocument(string start, Func<int, string> item, string separator, string end, Func<int, string>? last = null)
    {
        string Build(int count) => start + string.Join(separator, Enumerable.Range(0, count).Select(
            i => i == count - 1 && last is not null ? last(i) : item(i))) + end;
        var count = 1;
        while (BodyBytes(Build(count + 1), null) <= 512) count++;
        return Build(count);
    }

    private static int BodyBytes(string query, string? variables)
    {
        using var request = RateLimitedApi.GraphQLRequest(query, variablesJson: variables);
        return request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult().Length;
    }
}
