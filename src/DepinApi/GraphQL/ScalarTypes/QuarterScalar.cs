using DepinApi.ReadModel;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.ScalarTypes;

/// <summary>The <c>Quarter</c> scalar: a calendar quarter written as REST writes it, "2025Q3".</summary>
public static class QuarterScalar
{
    public static readonly GraphQLScalarType Type = new("Quarter")
    {
        Description = $"A calendar quarter as a string: {Quarter.Format}.",
        Serializer = value => value switch
        {
            Quarter quarter => quarter.ToString(),
            _ => throw new GraphQLError($"Quarter cannot represent value: {Inspector.Inspect(value)}"),
        },
        ValueParser = value => value is string text && Quarter.TryParse(text, out var quarter)
            ? quarter
            : throw new GraphQLError($"Quarter cannot represent {InputEcho.Of(value)}: expected {Quarter.Format}."),
        LiteralParser = (node, _) => node is StringValueNode { Value: var text } && Quarter.TryParse(text, out var quarter)
            ? quarter
            : throw new GraphQLError($"Quarter cannot represent {Printer.Print(node)}: expected {Quarter.Format}.", [node]),
    };
}
