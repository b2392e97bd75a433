using System.Text;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// Sends cases one after another, each with its own deadline, and collects every shortfall by case name, so one
/// run reports all of them and a request that never completes fails its case instead of stalling the run.
/// </summary>
public static class HostileBarrage
{
    /// <summary>
    /// Sends the cases to the in-memory server, except a path with an encoded NUL: the in-memory server refuses to
    /// build such a request at all, so the real socket carries it, and Kestrel refuses it with its own empty 400.
    /// </summary>
    public static async Task RunAsync(HostileInputApi api, IReadOnlyCollection<HostileCase> cases)
    {
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        foreach (var hostile in cases)
            if (await SendAsync(api, hostile) is { } failure)
                failures.Add(failure);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases.Count} hostile requests were answered wrongly:\n" + string.Join("\n", failures));
    }

    private static async Task<string?> SendAsync(HostileInputApi api, HostileCase hostile)
    {
        using var deadline = new CancellationTokenSource(HostileInputApi.RequestPatience);
        try
        {
            using var request = hostile.Request();
            var path = request.RequestUri!.OriginalString.Split('?')[0];
            var nulInPath = path.Contains("%00", StringComparison.Ordinal);
            var client = nulInPath ? api.SocketClient : api.InMemoryClient;
            var expect = nulInPath ? Expectation.Status(400) : hostile.Expect;
            using var response = await client.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var fault = expect.Check((int)response.StatusCode, response.Content.Headers.ContentType, body);
            return fault is null ? null : $"{hostile.Name}: expected {expect.Description}, got {fault}: {Excerpt(body)}";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return $"{hostile.Name}: no answer within {HostileInputApi.RequestPatience.TotalSeconds} s";
        }
        catch (HttpRequestException e)
        {
            return $"{hostile.Name}: the request failed: {e.Message}";
        }
    }

    public static string Excerpt(string body)
    {
        var flat = new StringBuilder(Math.Min(body.Length, 300));
        foreach (var c in body.Length > 300 ? body[..300] + "…" : body)
            flat.Append(char.IsControl(c) ? ' ' : c);
        return flat.ToString();
    }
}
