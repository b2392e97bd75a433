using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// A GraphQL response body re-written by one writer, so that whitespace and string escaping no longer differ while
/// everything a client could tell apart still does: key order, duplicate keys, and the exact text of every number
/// (a Decimal written 32700000.00 is not the same answer as 32700000). <see cref="Body"/> is the body without
/// <c>extensions</c>; <see cref="Extensions"/> is the extensions without the rate limiter's throttle status,
/// which depends on the budget rather than on the query.
/// </summary>
public sealed record NormalisedResponse(string Body, string Extensions)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static NormalisedResponse Of(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var extensions = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("extensions", out var e) ? Write(e, "extensions") : "";
        return new NormalisedResponse(Write(root, ""), extensions);
    }

    private static string Write(JsonElement element, string path)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, element, path);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool Dropped(string path) => path is ".extensions" or "extensions.cost.throttleStatus";

    private static void Write(Utf8JsonWriter writer, JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = path + "." + property.Name;
                    if (Dropped(propertyPath)) continue;
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, propertyPath);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item, path + "[]");
                writer.WriteEndArray();
                break;
            default:
                // Numbers are copied as their original text, strings re-escaped by this writer.
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>Where two texts first differ, and each text around that point, for a failure message.</summary>
    public static string Difference(string firstLabel, string first, string secondLabel, string second, int context = 400)
    {
        var at = 0;
        while (at < first.Length && at < second.Length && first[at] == second[at]) at++;
        string Around(string text) =>
            (at > context ? "…" : "") + text[Math.Max(0, at - context)..Math.Min(text.Length, at + context)] + (at + context < text.Length ? "…" : "");
        return $"first difference at character {at} (lengths {first.Length} and {second.Length})\n"
               + $"  {firstLabel}: {Around(first)}\n  {secondLabel}: {Around(second)}";
    }
}
