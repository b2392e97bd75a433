using GraphQLEngine.Error;
using GraphQLEngine.Language;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Single Root Field (spec §5.2.3.1): a subscription selects exactly one root field, and not an introspection one.
/// </summary>
public static class SingleFieldSubscriptionsRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } operation) return VisitAction.Continue;
            var subscriptionType = context.Schema.SubscriptionType;
            if (subscriptionType is null) return VisitAction.Continue;

            var operationName = operation.Name?.Value;
            var fields = SubscriptionRootFields.Collect(context.Schema, context, subscriptionType, operation.SelectionSet);
            if (fields.Count > 1)
            {
                var extraFieldSelections = fields.Values.Skip(1).SelectMany(list => list).ToList<Node>();
                context.ReportError(new GraphQLError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must select only one top level field."
                        : "Anonymous Subscription must select only one top level field.",
                    extraFieldSelections));
            }
            foreach (var fieldNodes in fields.Values)
            {
                if (!fieldNodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal)) continue;
                context.ReportError(new GraphQLError(
                    operationName is not null
                        ? $"Subscription \"{operationName}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    fieldNodes));
            }
            return VisitAction.Continue;
        }
    }
}
