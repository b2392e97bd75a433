using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Optional rule (not in <see cref="SpecifiedRules.All"/>; graphql-js's <c>NoSchemaIntrospectionCustomRule</c>):
/// rejects any field whose type is an introspection type, i.e. disables schema introspection. <c>__typename</c>
/// stays allowed.
/// </summary>
public static class NoSchemaIntrospectionCustomRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is FieldNode field && context.GetType().GetNamedType() is { } type && Introspection.IsIntrospectionType(type))
            {
                context.ReportError(new GraphQLError(
                    $"GraphQL introspection has been disabled, but the requested query contained the field \"{field.Name.Value}\".",
                    [field]));
            }
            return VisitAction.Continue;
        }
    }
}
