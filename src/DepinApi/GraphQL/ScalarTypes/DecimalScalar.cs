using System.Globalization;
using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.ScalarTypes;

/// <summary>
/// The <c>Decimal</c> scalar: an exact decimal number. Results are JSON numbers written from the decimal's own
/// digits (as REST writes them), so no binary floating point is involved between the database and the wire.
/// </summary>
public static class DecimalScalar
{
    /// <summary>The expected form, for error messages.</summary>
    public const string Format = "a decimal number, e.g. 32700000.00 or \"0.7277\"";

    public static readonly GraphQLScalarType Type = new("Decimal")
    {
        Description = "An exact decimal number. Output: a JSON number written digit for digit from the stored value "
                      + "(e.g. 32700000 or 0.001804, without the stored column's trailing zeros, as REST writes it), never rounded through a binary float; parse it with a decimal-aware JSON "
                      + "reader to keep every digit. Input: a number literal or, for exactness through variables, a string such as \"0.7277\".",
        Serializer = value => value switch
        {
            decimal number => Exact(number),
            _ => throw new GraphQLError($"Decimal cannot represent value: {Inspector.Inspect(value)}"),
        },
        ValueParser = value => value switch
        {
            string text when TryParse(text, out var number) => number,
            int number => (decimal)number,
            long number => (decimal)number,
            // A JSON number variable arrives as the double nearest to it; its shortest round-trip text is what the client wrote.
            double number when double.IsFinite(number) && TryParse(number.ToString("R", CultureInfo.InvariantCulture), out var parsed) => parsed,
            _ => throw new GraphQLError($"Decimal cannot represent {InputEcho.Of(value)}: expected {Format}."),
        },
        LiteralParser = (node, _) => node switch
        {
            IntValueNode { Value: var text } when TryParse(text, out var number) => number,
            FloatValueNode { Value: var text } when TryParse(text, out var number) => number,
            StringValueNode { Value: var text } when TryParse(text, out var number) => number,
            _ => throw new GraphQLError($"Decimal cannot represent {Printer.Print(node)}: expected {Format}.", [node]),
        },
    };

    /// <summary>A JSON number with the decimal's digits and none of its column's trailing zeros, as REST writes it (0.001804, not 0.001804000000).</summary>
    private static JsonElement Exact(decimal number) => JsonSerializer.SerializeToElement(Rest.Infrastructure.DecimalText.Normalize(number));

    private static bool TryParse(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out number);
}
