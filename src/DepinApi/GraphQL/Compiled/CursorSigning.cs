using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using DepinApi.GraphQL.Execution;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// Cursors in compiled results. Postgres cannot sign them (the key stays in the process), so a statement writes each
/// cursor as a marker, <c>{"$cursor": [list, sort value, slug]}</c>, and the marked column is rewritten here with the
/// signed cursor in its place, as the resolvers' <see cref="Cursors"/> sign it. No selection can produce the marker's
/// key: response keys are GraphQL names, which never hold a <c>$</c>.
/// </summary>
internal static class CursorSigning
{
    private const string MarkerKey = "$cursor";

    // As Postgres writes it: a character outside ASCII stays itself rather than becoming an escape.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>SQL writing the marker for the position <paramref name="position"/> in the list named by the parameter <paramref name="list"/>.</summary>
    public static string Marker(string list, params string[] position) =>
        $"json_build_object('{MarkerKey}', json_build_array({list}, {string.Join(", ", position)}))";

    /// <summary><paramref name="json"/> with every marker replaced by its signed cursor, and that JSON's length in bytes.</summary>
    public static (JsonDocument Signed, int Length) Sign(JsonElement json, CursorCodec codec)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, json, codec);
        return (JsonDocument.Parse(buffer.WrittenMemory), buffer.WrittenCount);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement json, CursorCodec codec)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object when json.TryGetProperty(MarkerKey, out var marker):
                var parts = marker.EnumerateArray().Select(part => part.GetString() ?? "").ToArray();
                writer.WriteStringValue(Cursors.Create(codec, parts[0], parts[1..]));
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in json.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, codec);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in json.EnumerateArray())
                    Write(writer, item, codec);
                writer.WriteEndArray();
                break;
            default:
                json.WriteTo(writer);
                break;
        }
    }
}
