using System.Globalization;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.ScalarTypes;

/// <summary>The <c>Date</c> scalar: a calendar day, ISO 8601 "YYYY-MM-DD".</summary>
public static class DateScalar
{
    /// <summary>The expected form, for error messages.</summary>
    public const string Format = "a date YYYY-MM-DD, e.g. 2026-06-01";

    public static readonly GraphQLScalarType Type = new("Date")
    {
        Description = "A calendar day as an ISO 8601 string YYYY-MM-DD, e.g. \"2026-06-01\".",
        SpecifiedByUrl = "https://www.iso.org/iso-8601-date-and-time-format.html",
        Serializer = value => value switch
        {
            DateOnly date => Write(date),
            _ => throw new GraphQLError($"Date cannot represent value: {Inspector.Inspect(value)}"),
        },
        ValueParser = value => value is string text && TryParse(text, out var date)
            ? date
            : throw new GraphQLError($"Date cannot represent {InputEcho.Of(value)}: expected {Format}."),
        LiteralParser = (node, _) => node is StringValueNode { Value: var text } && TryParse(text, out var date)
            ? date
            : throw new GraphQLError($"Date cannot represent {Printer.Print(node)}: expected {Format}.", [node]),
    };

    public static string Write(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
