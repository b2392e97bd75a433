using System.Globalization;
using System.Text.Json.Nodes;
using DepinApi.OpenApi;
using static DepinApi.Tests.OpenApi.DocumentWalk;

namespace DepinApi.Tests.OpenApi;

/// <summary>
/// Every status the server answers an operation with is one the operation documents. Each operation is sent what the
/// pipeline answers for every endpoint (its example, a matching and a failing precondition, a parameter it does not have)
/// and, on a server whose budgets are spent, the same request twice; a status the document does not list for it fails,
/// naming the request, and so does a problem its documented schema does not describe (a 429's <c>limit</c> among them).
/// </summary>
public class DocumentedStatusesTests(ManyRequestsDocumentFixture served, SpentBudgetDocumentFixture spent)
    : IClassFixture<ManyRequestsDocumentFixture>, IClassFixture<SpentBudgetDocumentFixture>
{
    private static readonly (string Label, string[] Query, Action<HttpRequestMessage>? Prepare)[] Requests =
    [
        ("its example", [], null),
        ("If-None-Match: *", [], r => r.Headers.TryAddWithoutValidation("If-None-Match", "*")),
        ("If-Match naming no tag of it", [], r => r.Headers.TryAddWithoutValidation("If-Match", "\"no-such-tag\"")),
        ("a parameter it does not have", ["colour=red"], null),
    ];

    [Fact]
    public async Task Every_status_an_operation_answers_is_documented()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(served.Document).Where(o => o.Method == "get"))
            foreach (var (label, query, prepare) in Requests)
                await CheckAsync(served, operation, label, query, prepare, failures);
        AssertNone(failures);
    }

    [Fact]
    public async Task Every_operation_documents_the_429_of_its_limit()
    {
        var failures = new List<string>();
        foreach (var operation in Operations(spent.Document).Where(o => o.Method == "get"))
        {
            // The probes' allowance is one a second and the point budget was spent fetching the document: the second is refused.
            await CheckAsync(spent, operation, "a first request", [], null, failures);
            var status = await CheckAsync(spent, operation, "a second request at once", [], null, failures);
            if (status != 429)
                failures.Add($"{operation.Label}: a second request at once answered {status}, not 429; the test's budgets no longer run out");
        }
        AssertNone(failures);
    }

    private static async Task<int> CheckAsync(ServedDocumentFixture app, Operation operation, string label, string[] query,
        Action<HttpRequestMessage>? prepare, List<string> failures)
    {
        var (response, url) = await ExampleRequests.SendAsync(app.Client, operation, query, prepare);
        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var documented = operation.Node["responses"]?[status.ToString(CultureInfo.InvariantCulture)];
            if (documented is null)
                failures.Add($"{operation.Label}: {label} (GET {url}) answered {status}, which the operation does not document: {body}");
            // A problem's members (a 429's limit among them) are what the Problem schema says they can be.
            else if (response.Content.Headers.ContentType?.MediaType == ProblemSchema.MediaType
                     && documented["content"]?[ProblemSchema.MediaType]?["schema"] is { } schema)
            {
                var found = new List<string>();
                SchemaConformance.Check(JsonNode.Parse(body), schema, app.Document["components"]!.AsObject(), "$", found);
                failures.AddRange(found.Select(f => $"{operation.Label}: {label} (GET {url}) answered {status}: {f}"));
            }
            return status;
        }
    }

    private static void AssertNone(List<string> failures) =>
        Assert.True(failures.Count == 0, $"{failures.Count} undocumented status(es) (see ConventionalResponsesFilter):\n  " + string.Join("\n  ", failures));
}

/// <summary>
/// A served document over an app whose budgets are as small as they go: a point per window (spent by fetching the
/// document itself) and a probe a second, so that a second request of any kind is refused.
/// </summary>
public sealed class SpentBudgetDocumentFixture : ServedDocumentFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Anonymous:PointsPerWindow"] = "1",
        ["RateLimiting:Anonymous:BurstPoints"] = "1",
        ["RateLimiting:ProbeRequestsPerSecond"] = "1",
    };
}
