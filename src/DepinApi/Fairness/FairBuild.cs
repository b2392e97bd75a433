namespace DepinApi.Fairness;

/// <summary>
/// Marks an endpoint whose responses take a turn at the <see cref="FairBuildGate"/>, and says how its refusal is
/// written: problem+json (REST) or a GraphQL error.
/// </summary>
public sealed class FairBuild
{
    /// <summary>A REST endpoint: refused with <c>503 /problems/server-busy</c>.</summary>
    public static readonly FairBuild Rest = new(graphQL: false);

    /// <summary>A GraphQL endpoint: refused with 503 and one error with code <c>SERVER_BUSY</c>.</summary>
    public static readonly FairBuild GraphQL = new(graphQL: true);

    private FairBuild(bool graphQL) => IsGraphQL = graphQL;

    public bool IsGraphQL { get; }
}
