using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Writes every instant of a REST response in UTC with a <c>Z</c>, as its CSV (<see cref="CsvText"/>), GraphQL's
/// DateTime, problems' <c>resetAt</c> and the rate-limit headers write one: System.Text.Json's default,
/// <c>2026-12-06T01:56:25.02001+00:00</c>, was the one place the same instant read differently.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format of an instant in REST's JSON and CSV: UTC, fractional seconds only as far as they go.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>An instant as REST writes it.</summary>
    public static string Write(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Write(value));
}
