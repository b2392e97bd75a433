using System.Text.RegularExpressions;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance;

/// <summary>
/// The <c>Date</c> scalar of the conformance schema. Failures throw plain exceptions (not GraphQL errors),
/// like the TypeErrors of conformance/lib/behaviour.mjs, so the engine's wrapping of foreign errors is tested.
/// </summary>
public static partial class DateScalar
{
    public static GraphQLScalarType Create() => new("Date")
    {
        Description = "An ISO-8601 calendar date such as `2024-02-29`.",
        SpecifiedByUrl = "https://tools.ietf.org/html/rfc3339",
        Serializer = value => Check(value),
        ValueParser = value => Check(value),
        LiteralParser = (node, _) => node is StringValueNode text && DatePattern().IsMatch(text.Value)
            ? text.Value
            : throw new ArgumentException($"Date cannot represent literal: {Printer.Print(node)}"),
    };

    private static string Check(object? value) => value is string text && DatePattern().IsMatch(text)
        ? text
        : throw new ArgumentException($"Date cannot represent value: {JsJson.Stringify(value)}");

    // ASCII digits only and no newline before the end, as the JavaScript pattern.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z")]
    private static partial Regex DatePattern();
}
