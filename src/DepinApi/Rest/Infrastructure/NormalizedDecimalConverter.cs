using System.Text.Json;
using System.Text.Json.Serialization;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Writes every decimal of a REST response as <see cref="DecimalText"/> shows it, without its column's trailing zeros,
/// whatever view it sits in: screening inputs and sector analytics carried <c>0.55000</c> and <c>110000000.00</c> where
/// the figures' own views and GraphQL write <c>0.55</c> and <c>110000000</c>.
/// </summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(DecimalText.Normalize(value));
}
