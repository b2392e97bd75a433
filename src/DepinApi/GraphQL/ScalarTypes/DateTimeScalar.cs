using System.Globalization;
using GraphQLEngine.Error;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace DepinApi.GraphQL.ScalarTypes;

/// <summary>The <c>DateTime</c> scalar: an instant, output only (nothing takes one as input).</summary>
public static class DateTimeScalar
{
    public static readonly GraphQLScalarType Type = new("DateTime")
    {
        Description = "An instant as an ISO 8601 string in UTC, its fraction of a second as far as it goes (to the microsecond), e.g. \"2026-06-02T08:15:00.25Z\"; the same text REST writes for it.",
        SpecifiedByUrl = "https://www.rfc-editor.org/rfc/rfc3339",
        Serializer = value => value switch
        {
            DateTimeOffset instant => Rest.Infrastructure.UtcTimestampConverter.Write(instant),
            _ => throw new GraphQLError($"DateTime cannot represent value: {Inspector.Inspect(value)}"),
        },
        ValueParser = value => value is string text
                               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new GraphQLError($"DateTime cannot represent {InputEcho.Of(value)}: expected an ISO 8601 instant."),
    };
}
