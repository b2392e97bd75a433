using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DepinApi.Tests.RateLimiting;

namespace DepinApi.Tests.Errors;

/// <summary>An unforeseen failure is a 500 problem of the API's own type, which never quotes the failure.</summary>
public sealed class UnexpectedErrorTests(RateLimitDatabase database) : IClassFixture<RateLimitDatabase>
{
    [Fact]
    public async Task An_unforeseen_failure_is_a_500_internal_error_problem_with_a_trace_id_and_nothing_of_the_failure()
    {
        await using var api = new RateLimitedApi(database.ConnectionString, RateLimitedApi.SmallLimits());

        using var response = await api.GetAsync("/test/throw");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/problems/internal-error", problem.GetProperty("type").GetString());
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
        Assert.Equal("The request could not be completed. It can be retried.", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        var text = problem.GetRawText();
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }
}
