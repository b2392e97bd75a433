using System.Collections;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

/// <summary>
/// Writes an <see cref="ExecutionResult"/> as UTF-8 JSON the way <c>JSON.stringify</c> prints graphql-js's
/// response: <c>{"errors":[…],"data":…}</c> (errors first, as graphql-js's <c>buildResponse</c> builds it),
/// <c>{"data":…}</c> without errors, <c>{"errors":[…]}</c> for request errors, then <c>extensions</c> when
/// any. Errors carry <c>message</c>, <c>locations</c>, <c>path</c> and <c>extensions</c> in that order.
/// Numbers print as JS prints the equivalent double (<c>1.5</c>, <c>1e+21</c>); non-finite ones as null.
/// </summary>
public static class ExecutionResultWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes <paramref name="result"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            WriteErrors(writer, result.Errors);
        }
        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }
        if (result.Extensions.Count > 0)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, result.Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> and flushes.</summary>
    public static async Task WriteAsync(Stream stream, ExecutionResult result, CancellationToken cancellationToken = default)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        Write(writer, result);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static byte[] ToUtf8Bytes(ExecutionResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, result);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string ToJson(ExecutionResult result) => System.Text.Encoding.UTF8.GetString(ToUtf8Bytes(result));

    /// <summary>Writes a list of errors as the response's <c>errors</c> entry (also usable for request errors built elsewhere).</summary>
    public static void WriteErrors(Utf8JsonWriter writer, IEnumerable<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors) WriteError(writer, error);
        writer.WriteEndArray();
    }

    /// <summary>Writes one error in graphql-js's <c>toJSON</c> shape.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WriteStartArray("locations");
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is not null)
        {
            writer.WriteStartArray("path");
            foreach (var key in error.Path)
            {
                if (key is int index) writer.WriteNumberValue(index);
                else writer.WriteStringValue(Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture));
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a response value: maps, lists, strings, booleans, numbers, null, and <see cref="JsonElement"/>s.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or Undefined:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case long number:
                writer.WriteNumberValue(number);
                return;
            case double number:
                WriteDouble(writer, number);
                return;
            case ResponseMap map:
                WriteMap(writer, map);
                return;
            case object?[] items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                return;
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case JsonDocument document:
                document.RootElement.WriteTo(writer);
                return;
            case char character:
                writer.WriteStringValue(character.ToString());
                return;
            case Enum enumValue:
                writer.WriteStringValue(enumValue.ToString());
                return;
        }
        if (JsNumber.IsNumber(value))
        {
            WriteNumber(writer, value);
            return;
        }
        if (ObjectEntries.TryGetEntries(value, out var entries))
        {
            writer.WriteStartObject();
            foreach (var (key, item) in entries)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, item);
            }
            writer.WriteEndObject();
            return;
        }
        if (value is IEnumerable enumerable)
        {
            writer.WriteStartArray();
            foreach (var item in enumerable) WriteValue(writer, item);
            writer.WriteEndArray();
            return;
        }
        // A custom scalar's serializer returned a CLR object: write what System.Text.Json makes of it.
        JsonSerializer.Serialize(writer, value, value.GetType());
    }

    private static void WriteMap(Utf8JsonWriter writer, ResponseMap map)
    {
        writer.WriteStartObject();
        for (var i = 0; i < map.Count; i++)
        {
            writer.WritePropertyName(map.KeyAt(i));
            WriteValue(writer, map.ValueAt(i));
        }
        writer.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter writer, double number)
    {
        // JSON.stringify prints NaN and ±Infinity as null.
        if (!double.IsFinite(number))
        {
            writer.WriteNullValue();
            return;
        }
        // In this range .NET's shortest round-trip form is plain decimal notation, digit for digit what
        // JS prints; outside it the two choose exponent notation differently.
        var magnitude = Math.Abs(number);
        if (magnitude >= 1e-4 && magnitude < 1e15) writer.WriteNumberValue(number);
        else writer.WriteRawValue(JsNumber.Format(number), skipInputValidation: true);
    }

    private static void WriteNumber(Utf8JsonWriter writer, object number)
    {
        switch (number)
        {
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case ulong or BigInteger:
                writer.WriteRawValue(JsNumber.Format(number), skipInputValidation: true);
                return;
        }
        if (number is decimal exact && decimal.Truncate(exact) == exact)
        {
            writer.WriteRawValue(JsNumber.Format(number), skipInputValidation: true);
            return;
        }
        WriteDouble(writer, JsNumber.ToDouble(number)!.Value);
    }
}
