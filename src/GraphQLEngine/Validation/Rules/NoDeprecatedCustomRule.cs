using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Optional rule (not in <see cref="SpecifiedRules.All"/>; graphql-js's <c>NoDeprecatedCustomRule</c>): reports every
/// use of a deprecated field, argument, input field or enum value.
/// </summary>
public static class NoDeprecatedCustomRule
{
    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            switch (node)
            {
                case FieldNode field:
                    if (context.GetFieldDef() is { DeprecationReason: { } fieldReason } fieldDef && context.GetParentType() is { } parentType)
                        context.ReportError(new GraphQLError($"The field {parentType.Name}.{fieldDef.Name} is deprecated. {fieldReason}", [field]));
                    break;
                case ArgumentNode argument:
                    if (context.GetArgument() is not { DeprecationReason: { } argReason } argDef) break;
                    if (context.GetDirective() is { } directive)
                    {
                        context.ReportError(new GraphQLError(
                            $"Directive \"@{directive.Name}\" argument \"{argDef.Name}\" is deprecated. {argReason}", [argument]));
                    }
                    else if (context.GetParentType() is { } argParent && context.GetFieldDef() is { } argField)
                    {
                        context.ReportError(new GraphQLError(
                            $"Field \"{argParent.Name}.{argField.Name}\" argument \"{argDef.Name}\" is deprecated. {argReason}", [argument]));
                    }
                    break;
                case ObjectFieldNode objectField:
                    if (context.GetParentInputType().GetNamedType() is GraphQLInputObjectType inputObject
                        && inputObject.GetField(objectField.Name.Value) is { DeprecationReason: { } inputReason } inputField)
                    {
                        context.ReportError(new GraphQLError(
                            $"The input field {inputObject.Name}.{inputField.Name} is deprecated. {inputReason}", [objectField]));
                    }
                    break;
                case EnumValueNode enumValue:
                    if (context.GetEnumValue() is { DeprecationReason: { } enumReason } enumValueDef
                        && context.GetInputType().GetNamedType() is { } enumType)
                    {
                        context.ReportError(new GraphQLError(
                            $"The enum value \"{enumType.Name}.{enumValueDef.Name}\" is deprecated. {enumReason}", [enumValue]));
                    }
                    break;
            }
            return VisitAction.Continue;
        }
    }
}
