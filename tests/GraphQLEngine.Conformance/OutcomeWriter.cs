using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;

namespace GraphQLEngine.Conformance;

/// <summary>
/// Writes the JSON lines conformance/lib/engine.mjs reads: <c>{"sdl"}</c> once, then per document
/// <c>{"id","stage":"parse"|"validate","errors"}</c>, <c>{"id","stage":"execute","response"}</c> (response null
/// when the document was only to be validated) or
/// <c>{"id","stage":"crash","message"}</c>.
/// </summary>
public sealed class OutcomeWriter(Stream output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Sdl(string sdl) => Line(w => w.WriteString("sdl", sdl));

    public void Errors(string id, string stage, IEnumerable<(string Message, IReadOnlyList<ErrorLocation> Locations)> errors) =>
        Line(w =>
        {
            w.WriteString("id", id);
            w.WriteString("stage", stage);
            w.WriteStartArray("errors");
            foreach (var (message, locations) in errors) WriteError(w, message, locations);
            w.WriteEndArray();
        });

    /// <summary>The execution result as the engine itself serializes it for clients.</summary>
    public void Response(string id, ExecutionResult result) =>
        Line(w =>
        {
            w.WriteString("id", id);
            w.WriteString("stage", "execute");
            w.WritePropertyName("response");
            ExecutionResultWriter.Write(w, result);
        });

    public void NotExecuted(string id) => Line(w =>
    {
        w.WriteString("id", id);
        w.WriteString("stage", "execute");
        w.WriteNull("response");
    });

    public void Crash(string id, Exception exception) => Line(w =>
    {
        w.WriteString("id", id);
        w.WriteString("stage", "crash");
        w.WriteString("message", $"{exception.GetType().Name}: {exception.Message}");
    });

    private void Line(Action<Utf8JsonWriter> body)
    {
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteError(Utf8JsonWriter w, string message, IReadOnlyList<ErrorLocation> locations)
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        if (locations.Count > 0)
        {
            w.WriteStartArray("locations");
            foreach (var location in locations)
            {
                w.WriteStartObject();
                w.WriteNumber("line", location.Line);
                w.WriteNumber("column", location.Column);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
