using System.Diagnostics;

namespace GraphQLEngine.Http;

/// <summary>
/// The spans the HTTP transport writes for each request, for a tracer to listen to by <see cref="ActivitySourceName"/>
/// (OpenTelemetry: <c>AddSource(GraphQLTelemetry.ActivitySourceName)</c>). Without a listener no span is created and
/// this costs one branch per phase.
/// </summary>
/// <remarks>
/// <c>graphql.request</c> (renamed to the operation, e.g. <c>query Projects</c>, once it is known, as OpenTelemetry's
/// GraphQL conventions name it) holds one child per phase: <c>graphql.parse</c>, <c>graphql.validate</c>,
/// <c>graphql.cost</c> (the depth, alias and cost analysis) and <c>graphql.execute</c>, whose
/// <c>graphql.execution.path</c> says whether the resolvers ran or an <see cref="IGraphQLOperationExecutor"/> answered
/// the whole operation (named in <c>graphql.executor</c>). Whatever the resolvers or executors do (database commands)
/// nests under <c>graphql.execute</c>.
/// </remarks>
public static class GraphQLTelemetry
{
    public const string ActivitySourceName = "GraphQLEngine";

    public const string RequestSpan = "graphql.request";
    public const string ParseSpan = "graphql.parse";
    public const string ValidateSpan = "graphql.validate";
    public const string CostSpan = "graphql.cost";
    public const string ExecuteSpan = "graphql.execute";

    public const string ExecutionPathTag = "graphql.execution.path";
    public const string ExecutorTag = "graphql.executor";
    public const string ResolversPath = "resolvers";
    public const string OperationExecutorPath = "operation-executor";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    internal static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>Names the request span after its operation, with the attributes OpenTelemetry's conventions give it.</summary>
    internal static void DescribeOperation(Activity? request, Language.OperationDefinitionNode? operation)
    {
        if (request is null || operation is null) return;
        var type = operation.Operation switch
        {
            Language.OperationType.Mutation => "mutation",
            Language.OperationType.Subscription => "subscription",
            _ => "query",
        };
        request.SetTag("graphql.operation.type", type);
        if (operation.Name?.Value is { } name)
        {
            request.SetTag("graphql.operation.name", name);
            request.DisplayName = type + " " + name;
        }
        else
        {
            request.DisplayName = type;
        }
    }

    /// <summary>Marks a span that ended with the request refused or failed, as the tracer's error status.</summary>
    internal static void Fail(Activity? activity, string description)
    {
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }
}
