using System.Text.Json.Nodes;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>A generated GraphQL request: the document and its variables (null when the operation declares none).</summary>
public sealed record GeneratedQuery(string Query, JsonObject? Variables)
{
    /// <summary>The variables as sent, for failure messages and for comparing two generations.</summary>
    public string VariablesJson => Variables?.ToJsonString() ?? "null";
}
