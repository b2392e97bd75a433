using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphQLEngine.Http;

/// <summary>
/// Reads the request parameters as the GraphQL-over-HTTP specification (and graphql-http's reference server) does:
/// GET with <c>query</c>, <c>operationName</c> and JSON-encoded <c>variables</c>/<c>extensions</c> in the query
/// string; POST with a UTF-8 <c>application/json</c> body holding a JSON object.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    // A member named twice in one object is refused anywhere in the request: JSON parsers differ on which of the two
    // counts (this one kept the last), so a variable given twice would be read as a value the client may not mean.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    // Only to say why a request the strict parse refused is refused: a repeated member, or no JSON at all.
    private static readonly JsonDocumentOptions RepeatsAllowed = new() { MaxDepth = 64 };

    private static readonly string[] Parameters = ["query", "operationName", "variables", "extensions"];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The request's bytes, or why they are not taken: a method other than GET, HEAD or POST, a POST body of another
    /// media type or over <see cref="GraphQLHttpOptions.MaxRequestBytes"/>. Nothing of them is parsed yet. A body that
    /// passed the limit while it was read comes with its failure as a received request too
    /// (<see cref="ReceivedRequest.OverLimit"/>): its reading is work done, and the hooks may charge for it.
    /// </summary>
    public static async Task<(ReceivedRequest? Received, RequestReadFailure? Failure)> ReceiveAsync(
        HttpContext http, GraphQLHttpOptions options)
    {
        // Compared as sent: methods are case-sensitive (RFC 9110 9.1), so "post" is a method this endpoint does not answer.
        if (http.Request.Method == HttpMethods.Get || http.Request.Method == HttpMethods.Head)
            return (new ReceivedRequest(http.Request.QueryString.Value), null);
        if (http.Request.Method != HttpMethods.Post)
            return (null, new RequestReadFailure(405, "GraphQL requests must use GET or POST.", GraphQLHttpMethods.Allow));

        if (!IsUtf8Json(http.Request.ContentType))
        {
            return (null, new RequestReadFailure(415,
                $"POST requests must have the content type {GraphQLMediaTypes.Json} (UTF-8)."));
        }
        if (ContentCodings.FirstApplied(http.Request.Headers.ContentEncoding) is { } coding)
            return (null, ContentCodings.Refusal(coding));
        var maxBytes = options.MaxRequestBytes > 0 ? options.MaxRequestBytes : long.MaxValue;
        if (http.Request.ContentLength > maxBytes)
            return (null, TooLarge(options));
        var (body, read) = await ReadBodyAsync(http.Request.Body, maxBytes, http.RequestAborted).ConfigureAwait(false);
        return body is null ? (ReceivedRequest.CutOff(read), TooLarge(options)) : (new ReceivedRequest(body), null);
    }

    /// <summary>The request's parameters read from what was received, or why it is not one. JSON documents are disposed with the response.</summary>
    public static (GraphQLHttpRequest? Request, RequestReadFailure? Failure) Read(HttpContext http, ReceivedRequest received) =>
        received.Body is { } body ? ReadPost(http, body) : ReadGet(http);

    private static (GraphQLHttpRequest?, RequestReadFailure?) ReadGet(HttpContext http)
    {
        // As a POST body that is not UTF-8 is refused: parsed, "%FF" would have been read as those three characters.
        if (PercentEncodedText.FirstNotUtf8(http.Request.QueryString.Value) is { } notText)
            return (null, RequestReadFailure.BadRequest($"The \"{notText}\" parameter is not Unicode text: its percent-encoded bytes are not UTF-8."));
        var parameters = http.Request.Query;
        // A repeated parameter would otherwise be read as its values joined by commas: two documents made one.
        foreach (var name in Parameters)
        {
            if (parameters[name].Count > 1)
                return (null, RequestReadFailure.BadRequest($"The \"{name}\" parameter is given {parameters[name].Count} times; give it once."));
        }
        var variables = ParseJsonParameter(http, parameters["variables"], "variables", out var failure);
        if (failure is not null) return (null, failure);
        var extensions = ParseJsonParameter(http, parameters["extensions"], "extensions", out failure);
        if (failure is not null) return (null, failure);

        string? operationName = parameters["operationName"];
        return Complete(parameters["query"], operationName, variables, extensions, isGet: true);
    }

    private static (GraphQLHttpRequest?, RequestReadFailure?) ReadPost(HttpContext http, byte[] body)
    {
        if (body.Length == 0)
            return (null, RequestReadFailure.BadRequest("The request body is empty; expected a JSON object with a \"query\"."));

        JsonDocument document;
        // RFC 8259 8.1: a parser may ignore a byte order mark, and one before the JSON is no error of the client's.
        var json = body.AsSpan().StartsWith(Utf8Bom) ? body.AsMemory(Utf8Bom.Length) : body.AsMemory();
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (Exception e) when (IsRefusedJson(e))
        {
            return (null, RequestReadFailure.BadRequest(WhyRefused(json, "The request body", parameters: true,
                $"The request body is not valid JSON, or nests deeper than {JsonOptions.MaxDepth} levels.")));
        }
        http.Response.RegisterForDispose(document);
        if (!HoldsOnlyText(document.RootElement))
            return (null, RequestReadFailure.BadRequest(NotText("The request body")));

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return (null, RequestReadFailure.BadRequest("The request body must be a JSON object."));

        var query = Member(root, "query");
        if (query is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) })
            return (null, RequestReadFailure.BadRequest("The \"query\" parameter must be a string."));
        var operationName = Member(root, "operationName");
        if (operationName is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) })
            return (null, RequestReadFailure.BadRequest("The \"operationName\" parameter must be a string."));
        var variables = Member(root, "variables");
        if (variables is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
            return (null, RequestReadFailure.BadRequest("The \"variables\" parameter must be a JSON object."));
        var extensions = Member(root, "extensions");
        if (extensions is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
            return (null, RequestReadFailure.BadRequest("The \"extensions\" parameter must be a JSON object."));

        return Complete(
            query?.GetString(),
            operationName?.GetString(),
            variables is { ValueKind: JsonValueKind.Object } ? variables : null,
            extensions is { ValueKind: JsonValueKind.Object } ? extensions : null,
            isGet: false);
    }

    private static (GraphQLHttpRequest?, RequestReadFailure?) Complete(
        string? query, string? operationName, JsonElement? variables, JsonElement? extensions, bool isGet)
    {
        if (query is null)
            return (null, RequestReadFailure.BadRequest("The \"query\" parameter is missing."));
        return (new GraphQLHttpRequest(query, operationName, variables, extensions, isGet), null);
    }

    private static JsonElement? Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A JSON-encoded query string parameter; absent or empty means not given.</summary>
    private static JsonElement? ParseJsonParameter(HttpContext http, string? text, string name, out RequestReadFailure? failure)
    {
        failure = null;
        if (string.IsNullOrEmpty(text)) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (Exception e) when (IsRefusedJson(e))
        {
            failure = RequestReadFailure.BadRequest(WhyRefused(System.Text.Encoding.UTF8.GetBytes(text), $"The \"{name}\" parameter",
                parameters: false, $"The \"{name}\" parameter is not valid JSON."));
            return null;
        }
        http.Response.RegisterForDispose(document);
        if (!HoldsOnlyText(document.RootElement))
        {
            failure = RequestReadFailure.BadRequest(NotText($"The \"{name}\" parameter"));
            return null;
        }
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Object => document.RootElement,
            JsonValueKind.Null => null,
            _ => Fail(out failure, $"The \"{name}\" parameter must be a JSON object."),
        };
    }

    // Comparing member names, the strict parse unescapes them, and a name holding an escaped lone surrogate cannot be.
    private static bool IsRefusedJson(Exception e) => e is JsonException or InvalidOperationException;

    /// <summary>
    /// Why <paramref name="json"/> was refused by the strict parse: a request parameter given twice (with
    /// <paramref name="parameters"/>, the body's own members), a string that is not text, another member named twice in
    /// one object, or else <paramref name="notJson"/>.
    /// </summary>
    private static string WhyRefused(ReadOnlyMemory<byte> json, string what, bool parameters, string notJson)
    {
        try
        {
            using var lenient = JsonDocument.Parse(json, RepeatsAllowed);
            if (!HoldsOnlyText(lenient.RootElement))
                return NotText(what);
            if (parameters && lenient.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in Parameters)
                {
                    var count = 0;
                    foreach (var member in lenient.RootElement.EnumerateObject())
                        count += member.NameEquals(name) ? 1 : 0;
                    if (count > 1)
                        return $"The \"{name}\" parameter is given {count} times; give it once.";
                }
            }
            return what + " names a member twice in one object; give each once.";
        }
        catch (JsonException)
        {
            return notJson;
        }
    }

    private static string NotText(string what) =>
        what + " holds a string that is not Unicode text (invalid UTF-8, or a \\u escape of a lone surrogate).";

    /// <summary>
    /// Whether every string and property name decodes to UTF-16. The JSON reader accepts invalid UTF-8 inside strings
    /// and escaped lone surrogates, and only reading such a string fails (an InvalidOperationException): found here,
    /// the request is a 400 instead of failing wherever the string is first read. Recursion is bounded by the
    /// reader's MaxDepth of 64.
    /// </summary>
    private static bool HoldsOnlyText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        if (!HoldsOnlyText(item)) return false;
                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!HoldsOnlyText(property.Value)) return false;
                    }
                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonElement? Fail(out RequestReadFailure? failure, string message)
    {
        failure = RequestReadFailure.BadRequest(message);
        return null;
    }

    // The specification's request media type; a charset other than UTF-8 cannot be decoded as JSON text here.
    private static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)) return false;
        if (!string.Equals(parsed.MediaType.Value, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)) return false;
        // RFC 9110 5.6.6: a parameter's value may be a quoted string (charset="UTF-8").
        var charset = HeaderUtilities.RemoveQuotes(parsed.Charset).Value;
        return charset is null
               || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
               || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static RequestReadFailure TooLarge(GraphQLHttpOptions options) =>
        new(413, $"The request body exceeds the maximum of {options.MaxRequestBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.");

    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="maxBytes"/>; and the bytes read. A body over the
    /// limit is read to the byte after it and no further, so what it made the server read is the same however it was
    /// sent in chunks.
    /// </summary>
    private static async Task<(byte[]? Body, long Read)> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, NextRead(chunk.Length, maxBytes - buffer.Length)), cancellationToken)
                       .ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes) return (null, buffer.Length + read);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return (buffer.ToArray(), buffer.Length);
    }

    // At most one byte past the room left: enough to know the body is over the limit.
    private static int NextRead(int chunk, long room) => room < chunk ? (int)room + 1 : chunk;
}

/// <summary>What a request sent as its parameters, not yet read: a POST's body, or a GET's query string.</summary>
internal sealed class ReceivedRequest
{
    public ReceivedRequest(byte[] body) => (Body, Bytes) = (body, body.LongLength);

    public ReceivedRequest(string? queryString) => (Bytes, IsGet) =
        (string.IsNullOrEmpty(queryString) ? 0 : System.Text.Encoding.UTF8.GetByteCount(queryString.AsSpan(1)), true);

    private ReceivedRequest(long bytesRead) => (Bytes, OverLimit) = (bytesRead, true);

    /// <summary>A POST body that passed the limit after <paramref name="bytesRead"/> bytes, where reading stopped.</summary>
    public static ReceivedRequest CutOff(long bytesRead) => new(bytesRead);

    /// <summary>Whether the parameters came in a GET's (or HEAD's) query string.</summary>
    public bool IsGet { get; }

    /// <summary>The POST body as read; null for a GET, or a body over the limit.</summary>
    public byte[]? Body { get; }

    /// <summary>The body's length (or what was read of one over the limit), or the query string's as sent (percent-encoded, without its <c>?</c>).</summary>
    public long Bytes { get; }

    /// <summary>Whether this is a body refused for passing the limit while it was read; <see cref="Body"/> is then null.</summary>
    public bool OverLimit { get; }
}
