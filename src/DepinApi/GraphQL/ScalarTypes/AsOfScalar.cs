using DepinApi.ReadModel;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.ScalarTypes;

/// <summary>The <c>AsOf</c> scalar: a point in the API's history, as REST's <c>asOf</c> parameter takes it.</summary>
public static class AsOfScalar
{
    public static readonly GraphQLScalarType Type = new("AsOf")
    {
        Description = $"A point in the API's history: {AsOf.Format}. Written as a string (\"3\", \"2026-01-15\") or, for a version, an integer.",
        Serializer = value => value switch
        {
            AsOf asOf => asOf.ToString(),
            _ => throw new GraphQLError($"AsOf cannot represent value: {Inspector.Inspect(value)}"),
        },
        ValueParser = value => Parse(value switch
        {
            int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A version written 1.0 or 1e0 in JSON is the whole number it is, as the Int scalar takes it.
            long or double or decimal => WholeNumber(value),
            string text => text,
            _ => null,
        }) ?? throw new GraphQLError($"AsOf cannot represent {InputEcho.Of(value)}: expected {AsOf.Format}."),
        LiteralParser = (node, _) => Parse(node switch
        {
            StringValueNode { Value: var text } => text,
            IntValueNode { Value: var text } => text,
            _ => null,
        }) ?? throw new GraphQLError($"AsOf cannot represent {Printer.Print(node)}: expected {AsOf.Format}.", [node]),
    };

    private static AsOf? Parse(string? text) => AsOf.TryParse(text, out var asOf) ? asOf : null;

    private static string? WholeNumber(object number)
    {
        try
        {
            var value = Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture);
            return decimal.IsInteger(value) ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
