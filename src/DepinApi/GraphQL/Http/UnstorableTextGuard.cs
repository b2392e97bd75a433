using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Http;
using GraphQLEngine.Language;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Refuses a request whose string arguments or variables hold U+0000 before it runs (and before it is charged).
/// Postgres text cannot hold that character, so such a value would fail the query it reached with an internal error;
/// no slug, id or name of this API contains it, so it is the client's mistake.
/// </summary>
internal sealed class UnstorableTextGuard : IGraphQLRequestInterceptor
{
    public const string Code = "BAD_USER_INPUT";

    public ValueTask OnExecutingAsync(GraphQLRequestContext context)
    {
        var finder = new NulFinder();
        AstWalker.Walk(context.Document!, finder);
        if (finder.Found || (context.Request.Variables is { } variables && HoldsNul(variables)))
        {
            context.Reject(new GraphQLError(
                "A string argument or variable contains the NUL character (U+0000), which no value of this API holds.",
                extensions: new Dictionary<string, object?> { ["code"] = Code }));
        }
        return ValueTask.CompletedTask;
    }

    // JSON read by the transport is at most 64 levels deep, so recursion is bounded.
    private static bool HoldsNul(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Contains('\0'),
        JsonValueKind.Array => value.EnumerateArray().Any(HoldsNul),
        JsonValueKind.Object => value.EnumerateObject().Any(p => p.Name.Contains('\0') || HoldsNul(p.Value)),
        _ => false,
    };

    private sealed class NulFinder : AstVisitor
    {
        public bool Found { get; private set; }

        public override VisitAction Enter(Node node, AstWalkContext context)
        {
            if (node is StringValueNode { Value: var text } && text.Contains('\0'))
            {
                Found = true;
                return VisitAction.Break;
            }
            return VisitAction.Continue;
        }
    }
}
