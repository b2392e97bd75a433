using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DepinApi.Tests.Infrastructure;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// Every example the document shows is what the server answers over the seed data: an error example is the problem
/// the server sends for the request it describes, a path example names a resource whose 200 example is that resource,
/// and a chart's or a page's example is cut from what its own endpoint serves. A wrong example fails here, naming the
/// operation, the request and the difference.
/// </summary>
public class ServedExamplesTests(ManyRequestsDocumentFixture served) : IClassFixture<ManyRequestsDocumentFixture>
{
    // Statuses whose examples describe the server's state (load, an outage, a key configured), not a request.
    private static readonly string[] StateStatuses = ["401", "429", "500", "503"];

    [Fact]
    public async Task The_recorded_answers_are_what_the_server_serves()
    {
        var record = await RecordAsync(served);
        var path = Path.Combine(RepositoryPaths.Root, "schema", "served-examples.json");
        var canonical = ContractFile.Canonical(record);
        if (ContractFile.UpdateRequested)
        {
            File.WriteAllText(path, canonical);
            return;
        }
        var differences = ContractFile.Differences(JsonNode.Parse(File.ReadAllText(path)), record, 20);
        Assert.True(File.ReadAllText(path) == canonical,
            "schema/served-examples.json is not what the server answers:\n  " + string.Join("\n  ", differences) + "\n"
            + ContractFile.HowToRegenerate);
    }

    [Fact]
    public void The_problem_components_examples_are_operations_error_examples()
    {
        // Those are checked against the server above, so a component example among them is a served answer too.
        var answers = ErrorExamples(served.Document).Select(e => e.Example).ToList();
        foreach (var example in served.Document["components"]!["schemas"]!["Problem"]!["examples"]!.AsArray())
            Assert.True(answers.Any(a => JsonNode.DeepEquals(a, example)),
                $"The Problem component's example is no operation's error example, so nothing checks it against the server: {example!.ToJsonString()}");
    }

    [Fact]
    public async Task Every_error_example_is_the_problem_the_server_sends_for_its_request()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (operation, status, name, example) in ErrorExamples(served.Document))
        {
            var label = $"{operation.Label} {status} example '{name}'";
            if (await ReproduceAsync(served.Client, operation, status, example) is not { } reproduced)
            {
                failures.Add($"{label}: names no parameter and value, so no request reproduces it");
                continue;
            }
            var (problem, url) = reproduced;
            checkedCount++;
            if (problem is null)
            {
                failures.Add($"{label}: GET {url} is not a problem");
                continue;
            }
            foreach (var member in problem.Select(m => m.Key).Union(example.Select(m => m.Key)))
            {
                var documented = example[member]?.ToJsonString();
                var sent = problem[member]?.ToJsonString();
                if (documented != sent)
                    failures.Add($"{label}: GET {url} {member}\n      served     {sent ?? "(absent)"}\n      documented {documented ?? "(absent)"}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} difference(s) between error examples and what the server sends:\n  " + string.Join("\n  ", failures));
        Assert.True(checkedCount > 50, $"only {checkedCount} error examples were checked");
    }

    [Fact]
    public async Task Every_path_example_is_the_resource_of_its_200_example()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get" && o.Path.EndsWith("/{id}", StringComparison.Ordinal)))
        {
            var id = Example(operation.Parameters.Single(p => Text(p, "name") == "id" && Text(p, "in") == "path"));
            var data = operation.Node["responses"]?["200"]?["content"]?["application/json"]?["example"]?["data"];
            // A source's resource holds the source and the figures citing it.
            var documented = Text(data, "id") ?? Text(data?["source"], "id");
            if (documented != id)
                failures.Add($"{operation.Label}: the path example is '{id}' but the 200 example is '{documented}'");
            var (answer, url) = await GetAsync(served.Client, operation, null, null, null);
            using (answer)
                if (answer.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{operation.Label}: GET {url} answered {(int)answer.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n  ", failures));
    }

    [Fact]
    public async Task Every_single_resource_example_is_what_its_path_examples_serve()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
        {
            if (operation.Node["responses"]?["200"]?["content"]?["application/json"]?["example"]?["data"] is not JsonObject documented
                || ComposedExamples.Contains(Text(operation.Node, "operationId")))
                continue;
            var (answer, url) = await GetAsync(served.Client, operation, null, null, null);
            using (answer)
            {
                if (answer.StatusCode != HttpStatusCode.OK)
                    continue; // Every_get_answers_its_documented_example_… names it.
                var data = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["data"];
                CompareServed(documented, data, $"{operation.Label}: GET {url}: $.data", failures);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} difference(s) between 200 examples and what is served:\n  " + string.Join("\n  ", failures));
    }

    // Examples still composed from other resources' parts (a project's latest figures with Helium's price, Helium's
    // screening under Aethir's URL, analytics of an older sector total): their shape is checked, their values not yet.
    private static readonly string[] ComposedExamples = ["GetProject", "GetProjectScreening", "GetSectorAnalytics"];

    // The example against the served value: the same members, the same values, but for the instant of an import
    // (written alike, UTC with Z) and the host of a link (the document's examples name 127.0.0.1:5080).
    private static void CompareServed(JsonNode? documented, JsonNode? servedNode, string path, List<string> failures)
    {
        switch (documented, servedNode)
        {
            case (JsonObject d, JsonObject s):
                foreach (var key in d.Select(p => p.Key).Union(s.Select(p => p.Key)))
                {
                    if (!d.ContainsKey(key)) failures.Add($"{path}.{key}: served, not in the example");
                    else if (!s.ContainsKey(key)) failures.Add($"{path}.{key}: in the example, not served");
                    else CompareServed(d[key], s[key], $"{path}.{key}", failures);
                }
                return;
            case (JsonArray d, JsonArray s):
                // A list's example shows some of its items: each is the served item of its id (else of its place).
                for (var i = 0; i < d.Count; i++)
                {
                    var item = Text(d[i], "id") is { } id ? s.FirstOrDefault(x => Text(x, "id") == id) : i < s.Count ? s[i] : null;
                    if (item is null)
                        failures.Add($"{path}[{i}]: not served");
                    else
                        CompareServed(d[i], item, $"{path}[{i}]", failures);
                }
                return;
            default:
                var a = documented?.ToJsonString().Replace("http://127.0.0.1:5080", "http://localhost", StringComparison.Ordinal);
                var b = servedNode?.ToJsonString();
                if (a == b)
                    return;
                if (Instant(documented) is { } x && Instant(servedNode) is { } y)
                {
                    if (x.EndsWith('Z') != y.EndsWith('Z'))
                        failures.Add($"{path}: instants written differently, example {x}, served {y}");
                    return;
                }
                failures.Add($"{path}: example {a}, served {b}");
                return;
        }
    }

    private static string? Instant(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 10 && text[10] == 'T'
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) ? text : null;

    [Theory]
    [InlineData("image/svg+xml")]
    [InlineData("text/html")]
    public async Task Every_chart_and_page_example_is_cut_from_what_its_own_endpoint_serves(string mediaType)
    {
        var failures = new List<string>();
        var checkedAny = false;
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
        {
            if (Text(operation.Node["responses"]?["200"]?["content"]?[mediaType], "example") is not { } documented)
                continue;
            var (body, url) = await BodyAsync(served.Client, operation, mediaType);
            if (body is null)
            {
                failures.Add($"{operation.Label}: GET {url} does not answer {mediaType}");
                continue;
            }
            checkedAny = true;
            // The example is the served text shortened where "…" stands: each piece between is served, in order.
            var at = 0;
            foreach (var piece in documented.Split('…', StringSplitOptions.RemoveEmptyEntries))
            {
                var found = body.IndexOf(piece, at, StringComparison.Ordinal);
                if (found < 0)
                {
                    failures.Add($"{operation.Label}: GET {url} as {mediaType} does not serve (after what came before)\n      {piece}");
                    break;
                }
                at = found + piece.Length;
            }
        }
        Assert.True(checkedAny, $"no {mediaType} example in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} {mediaType} example(s) not served:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>
    /// What the server answers to each request the document's examples describe: per path, each error example's
    /// problem and the opening of each chart and page (schema/served-examples.json, embedded in the app).
    /// </summary>
    public static async Task<JsonObject> RecordAsync(ServedDocumentFixture served)
    {
        var record = new JsonObject();
        JsonObject Entry(string path) => record[path] as JsonObject ?? (JsonObject)(record[path] = new JsonObject());
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
        {
            foreach (var (_, status, name, example) in ErrorExamples(served.Document).Where(e => e.Operation == operation))
            {
                if (await ReproduceAsync(served.Client, operation, status, example) is not ({ } problem, _))
                    continue;
                // Another status is another problem (a 429 under load, a 200 for a value now accepted): left out, so the
                // document shows its stand-in and the test comparing it with the server fails.
                if (problem["status"]?.ToJsonString() != status)
                    continue;
                var problems = Entry(operation.Path)["problems"] as JsonObject ?? (JsonObject)(Entry(operation.Path)["problems"] = new JsonObject());
                problems[$"{status} {name}"] = problem;
            }
            foreach (var mediaType in new[] { "image/svg+xml", "text/html" })
            {
                if (operation.Node["responses"]?["200"]?["content"]?[mediaType] is null)
                    continue;
                var (body, _) = await BodyAsync(served.Client, operation, mediaType);
                if (body is not null && Opening(body, mediaType) is { } opening)
                    Entry(operation.Path)[mediaType] = opening;
            }
        }
        return record;
    }

    // A chart: everything up to its <desc>, which names and describes it. A page: its doctype and html element, and
    // its <title>, which names the figure or list it shows.
    private static string? Opening(string body, string mediaType)
    {
        if (mediaType == "image/svg+xml")
        {
            var end = body.IndexOf("</desc>", StringComparison.Ordinal);
            return end < 0 ? null : body[..(end + "</desc>".Length)] + "…</svg>";
        }
        var html = body.IndexOf("<html", StringComparison.Ordinal);
        var start = body.IndexOf("<title>", StringComparison.Ordinal);
        var close = body.IndexOf("</title>", StringComparison.Ordinal);
        if (html < 0 || start < 0 || close < start)
            return null;
        return body[..(body.IndexOf('>', html) + 1)] + "…" + body[start..(close + "</title>".Length)] + "…</html>";
    }

    // Members a problem carries that belong to one request, not to its wording.
    private static readonly string[] RequestMembers = ["instance", "traceId", "requestId"];

    /// <summary>
    /// The problem the server sends for the request an error example describes: its parameter set to its value, or, for a
    /// 412, the operation's path examples with an <c>If-Match</c> naming no tag of theirs. Null when nothing reproduces it.
    /// </summary>
    private static async Task<(JsonObject? Problem, string Url)?> ReproduceAsync(HttpClient client, Operation operation, string status,
        JsonObject example)
    {
        if (status == "412")
            return await ProblemAsync(client, operation, null, null, ifMatch: "\"not-a-current-tag\"");
        // A chart the query cannot draw (a page of it, or several metrics where the operation has no limit), asked for
        // by an Accept of images only.
        if (status == "406")
            return await ProblemAsync(client, operation, "limit", "1", accept: "image/*");
        if (Text(example, "parameter") is not { } parameter || Text(example, "value") is not { } value)
            return null;
        return await ProblemAsync(client, operation, parameter, value);
    }

    private static async Task<(JsonObject? Problem, string Url)> ProblemAsync(HttpClient client, Operation operation, string? parameter,
        string? value, string? ifMatch = null, string? accept = null)
    {
        var (answer, url) = await GetAsync(client, operation, parameter, value, accept, ifMatch);
        using (answer)
        {
            if (answer.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return (null, $"{url} ({(int)answer.StatusCode} {answer.Content.Headers.ContentType})");
            var problem = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
            foreach (var member in RequestMembers)
                problem.Remove(member);
            return (problem, url);
        }
    }

    private static async Task<(string? Body, string Url)> BodyAsync(HttpClient client, Operation operation, string mediaType)
    {
        var (answer, url) = await GetAsync(client, operation, null, null, mediaType);
        using (answer)
            return answer.StatusCode == HttpStatusCode.OK && answer.Content.Headers.ContentType?.MediaType == mediaType
                ? (await answer.Content.ReadAsStringAsync(), url)
                : (null, $"{url} ({(int)answer.StatusCode} {answer.Content.Headers.ContentType})");
    }

    private static IEnumerable<(Operation Operation, string Status, string Name, JsonObject Example)> ErrorExamples(JsonObject document) =>
        from operation in Operations(document)
        where operation.Method == "get"
        from response in operation.Responses
        where (response.Status.StartsWith('4') || response.Status.StartsWith('5')) && !StateStatuses.Contains(response.Status)
        from example in ProblemExamples(response.Response)
        select (operation, response.Status, example.Name, example.Value);

    /// <summary>
    /// GET the operation with its path examples, <paramref name="parameter"/> (path or query) set to <paramref name="value"/>,
    /// Accept <paramref name="accept"/> and If-Match <paramref name="ifMatch"/>; a query parameter the API names in a 400 (a required filter, a chart's one
    /// metric) gets its documented example, unless it is the one being tried.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, string Url)> GetAsync(HttpClient client, Operation operation,
        string? parameter, string? value, string? accept, string? ifMatch = null)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            var name = Text(p, "name")!;
            var given = name == parameter ? value! : Example(p);
            if (Text(p, "in") == "path")
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(given));
            else if (name == parameter || p["required"]?.GetValue<bool>() == true)
                query.Add($"{name}={Uri.EscapeDataString(given)}");
        }
        if (accept == "image/svg+xml")
            query.Add("format=svg");
        while (true)
        {
            var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (accept is not null)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            if (ifMatch is not null)
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest || parameter is not null)
                return (response, url);
            var named = Text(JsonNode.Parse(await response.Content.ReadAsStringAsync()), "parameter");
            var wanted = operation.Parameters.FirstOrDefault(p => Text(p, "name") == named && Text(p, "in") == "query");
            if (wanted is null || query.Any(q => q.StartsWith(named + "=", StringComparison.Ordinal)))
                return (response, url);
            response.Dispose();
            query.Add($"{named}={Uri.EscapeDataString(Example(wanted))}");
        }
    }

    private static IEnumerable<(string Name, JsonObject Value)> ProblemExamples(JsonObject response)
    {
        var media = response["content"]?["application/problem+json"];
        if (media?["example"] is JsonObject single)
            yield return ("example", single);
        foreach (var (name, node) in media?["examples"] as JsonObject ?? [])
            if (node?["value"] is JsonObject value)
                yield return (name, value);
    }

    // A required parameter's example, or an optional one's named example with a value (see ParameterDocsFilter).
    private static string Example(JsonObject parameter) => (parameter["example"]
        ?? parameter["examples"]?.AsObject().Select(e => e.Value?["value"]).FirstOrDefault(v => v is not null)) switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        { } other => other.ToJsonString(),
        null => "",
    };
}
