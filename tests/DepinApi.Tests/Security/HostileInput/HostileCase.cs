namespace DepinApi.Tests.Security.HostileInput;

/// <summary>One hostile request, built afresh for each send, and what its answer must be.</summary>
public sealed record HostileCase(string Name, Func<HttpRequestMessage> Request, Expectation Expect)
{
    public override string ToString() => Name;
}
