using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        // A response is as deep as its document makes it, and fragments nest selections without nesting the
        // document, so it can be far deeper than the writer's default of 1,000 levels. Depth is refused before
        // execution, by QueryLimitOptions.MaxDepth; what got through is written, at any depth.
        MaxDepth = int.MaxValue,
    };

    /// <summary>Writes <paramref name="result"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        WriteHead(writer, result);
        WriteTail(writer, result);
    }

    /// <summary>The start of the object, <c>errors</c> and <c>data</c>: everything but what comes last, <c>extensions</c>.</summary>
    internal static void WriteHead(Utf8JsonWriter writer, ExecutionResult result)
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
    }

    /// <summary><c>extensions</c>, if any, and the end of the object.</summary>
    internal static void WriteTail(Utf8JsonWriter writer, ExecutionResult result)
    {
        if (result.Extensions.Count > 0)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, result.Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/> and flushes.</summary>
    /// <remarks>The whole response is serialized before the first byte goes out, so a failure leaves the stream untouched.</remarks>
    public static async Task WriteAsync(Stream stream, ExecutionResult result, CancellationToken cancellationToken = default)
    {
        using var buffer = new PooledByteBufferWriter(InitialBufferSize);
        WriteTo(buffer, result);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static byte[] ToUtf8Bytes(ExecutionResult result)
    {
        // Written into pooled memory, then copied once into an array of the exact size: the copy is the only garbage.
        using var buffer = new PooledByteBufferWriter(InitialBufferSize);
        WriteTo(buffer, result);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Large enough for a typical response, so that writing one borrows a single array from the pool.</summary>
    internal const int InitialBufferSize = 16 * 1024;

    // One JSON writer per thread, reset onto each new output, instead of one per response.
    [ThreadStatic]
    private static Utf8JsonWriter? t_idleWriter;

    private static void WriteTo(PooledByteBufferWriter buffer, ExecutionResult result)
    {
        var writer = RentWriter(buffer);
        Write(writer, result);
        ReturnWriter(writer);
    }

    internal static Utf8JsonWriter RentWriter(PooledByteBufferWriter buffer)
    {
        var writer = t_idleWriter;
        t_idleWriter = null;
        if (writer is null) writer = new Utf8JsonWriter(buffer, WriterOptions);
        else writer.Reset(buffer);
        return writer;
    }

    /// <summary>Flushes <paramref name="writer"/> into its buffer and keeps it for this thread's next response.</summary>
    internal static void ReturnWriter(Utf8JsonWriter writer)
    {
        writer.Flush();
        // Reset drops the writer's hold on the buffer's memory, which goes back to the pool; on failure the writer is
        // simply not kept.
        writer.Reset();
        t_idleWriter = writer;
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
        writer.WriteString("message", QuotedText.Cut(error.Message, QuotedText.MaxMessageLength));
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

    /// <summary>Writes a response value: maps, lists, strings, booleans, numbers, null, <see cref="JsonElement"/>s and <see cref="RawJson"/>.</summary>
    /// <remarks>
    /// Maps and lists are entered on an explicit stack rather than by recursion: fragments nest selections
    /// without nesting the document, so a response can be far deeper than any document the parser accepts,
    /// and writing it must not depend on how much of the thread's stack is left.
    /// </remarks>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        if (!TryEnter(writer, value, out var first)) return;
        var open = t_idleContainers ?? [];
        t_idleContainers = null;
        open.Add(first);
        while (open.Count > 0)
        {
            ref var top = ref CollectionsMarshal.AsSpan(open)[^1];
            if (top.TryWriteNextKey(writer, out var child))
            {
                if (TryEnter(writer, child, out var container)) open.Add(container);
                continue;
            }
            top.Close(writer);
            open.RemoveAt(open.Count - 1);
        }
        // Kept for the thread's next response unless an unusually deep one made it large.
        if (open.Capacity <= MaxIdleContainerCapacity) t_idleContainers = open;
    }

    private const int MaxIdleContainerCapacity = 256;

    [ThreadStatic]
    private static List<OpenContainer>? t_idleContainers;

    /// <summary>Writes a value that holds no others; for a map or list, writes its start and returns it to be filled.</summary>
    // Inlined, as is TryWriteNextKey, into the writing loop: called once per value, the calls cost as much as a
    // recursive writer's did in all.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryEnter(Utf8JsonWriter writer, object? value, out OpenContainer container)
    {
        container = default;
        switch (value)
        {
            case null or Undefined:
                writer.WriteNullValue();
                return false;
            case string text:
                writer.WriteStringValue(text);
                return false;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return false;
            case int number:
                writer.WriteNumberValue(number);
                return false;
            case long number:
                writer.WriteNumberValue(number);
                return false;
            case double number:
                WriteDouble(writer, number);
                return false;
            case ResponseMap map:
                writer.WriteStartObject();
                container = new OpenContainer(map);
                return true;
            case object?[] items:
                writer.WriteStartArray();
                container = new OpenContainer(items);
                return true;
            case RawJson raw:
                writer.WriteRawValue(raw.Utf8.Span, skipInputValidation: true);
                return false;
            case JsonElement element:
                element.WriteTo(writer);
                return false;
            case JsonDocument document:
                document.RootElement.WriteTo(writer);
                return false;
            case char character:
                writer.WriteStringValue(character.ToString());
                return false;
            case Enum enumValue:
                writer.WriteStringValue(enumValue.ToString());
                return false;
        }
        if (JsNumber.IsNumber(value))
        {
            WriteNumber(writer, value);
            return false;
        }
        if (ObjectEntries.TryGetEntries(value, out var entries))
        {
            writer.WriteStartObject();
            container = new OpenContainer(entries);
            return true;
        }
        if (value is IEnumerable enumerable)
        {
            writer.WriteStartArray();
            container = new OpenContainer(enumerable.GetEnumerator());
            return true;
        }
        // A custom scalar's serializer returned a CLR object: write what System.Text.Json makes of it.
        JsonSerializer.Serialize(writer, value, value.GetType());
        return false;
    }

    /// <summary>A map or list whose start is written, and how far its entries are.</summary>
    /// <remarks>The kind is stored, so each step is one switch rather than a series of type tests.</remarks>
    private struct OpenContainer
    {
        private readonly object _items;
        private readonly ContainerKind _kind;
        private int _next;

        public OpenContainer(ResponseMap map) => (_items, _kind) = (map, ContainerKind.Map);

        public OpenContainer(object?[] items) => (_items, _kind) = (items, ContainerKind.Array);

        public OpenContainer(IReadOnlyList<KeyValuePair<string, object?>> entries) => (_items, _kind) = (entries, ContainerKind.Entries);

        public OpenContainer(IEnumerator enumerator) => (_items, _kind) = (enumerator, ContainerKind.Enumerator);

        /// <summary>Writes the next entry's key, if it is a map entry, and hands out its value; false at the end.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryWriteNextKey(Utf8JsonWriter writer, out object? value)
        {
            switch (_kind)
            {
                case ContainerKind.Map:
                    var map = (ResponseMap)_items;
                    if (_next == map.Count) break;
                    writer.WritePropertyName(map.KeyAt(_next));
                    value = map.ValueAt(_next++);
                    return true;
                case ContainerKind.Array:
                    var items = (object?[])_items;
                    if (_next == items.Length) break;
                    value = items[_next++];
                    return true;
                case ContainerKind.Entries:
                    var entries = (IReadOnlyList<KeyValuePair<string, object?>>)_items;
                    if (_next == entries.Count) break;
                    var (key, entryValue) = entries[_next++];
                    writer.WritePropertyName(key);
                    value = entryValue;
                    return true;
                default:
                    var enumerator = (IEnumerator)_items;
                    if (!enumerator.MoveNext()) break;
                    value = enumerator.Current;
                    return true;
            }
            value = null;
            return false;
        }

        public readonly void Close(Utf8JsonWriter writer)
        {
            switch (_kind)
            {
                case ContainerKind.Map or ContainerKind.Entries:
                    writer.WriteEndObject();
                    break;
                case ContainerKind.Array:
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteEndArray();
                    (_items as IDisposable)?.Dispose();
                    break;
            }
        }
    }

    private enum ContainerKind : byte
    {
        Map,
        Array,
        Entries,
        Enumerator,
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
