using System.Buffers;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// A compiled statement's column as the response writes it: its JSON text in pooled memory, without the spaces Postgres
/// puts between tokens (<c>{"a" : 1, "b" : 2}</c>), handed to the response writer as it stands (<see cref="RawJson"/>).
/// The memory is given back on disposal, once the response is written.
/// </summary>
/// <remarks>
/// Copied rather than parsed into a document and written out again value by value: reading, parsing, walking and
/// rewriting the columns were about a tenth of the server's CPU for a page of cited figures (docs/performance.md,
/// <em>Means</em>). Postgres writes valid JSON, and a marker's replacement is written as a JSON
/// string (<see cref="PooledJsonStrings"/>), so the text needs no check; only its spacing differs from the writer's.
/// </remarks>
internal sealed class CompiledJson : IDisposable
{
    private byte[]? buffer;

    /// <summary>Takes <paramref name="pooled"/> (rented from the shared pool), holding JSON text in its first <paramref name="length"/> bytes.</summary>
    public CompiledJson(byte[] pooled, int length)
    {
        try
        {
            Length = RemoveSpacing(pooled.AsSpan(0, length));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(pooled);
            throw;
        }
        buffer = pooled;
        Value = new RawJson(pooled.AsMemory(0, Length));
    }

    /// <summary>The JSON, for the response.</summary>
    public RawJson Value { get; }

    /// <summary>Its length in bytes.</summary>
    public int Length { get; }

    public void Dispose()
    {
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        buffer = null;
    }

    /// <summary>Removes the whitespace between tokens of the JSON text <paramref name="json"/> in place; returns its new length.</summary>
    public static int RemoveSpacing(Span<byte> json)
    {
        var written = 0;
        var read = 0;
        while (read < json.Length)
        {
            // Outside strings: copy up to the next space or string, skip the spaces.
            var next = json[read..].IndexOfAny(SpacingOrQuote);
            var end = next < 0 ? json.Length : read + next;
            written += Move(json, read, end, written);
            read = end;
            if (read == json.Length) break;
            if (json[read] != (byte)'"')
            {
                read++;
                continue;
            }
            // A string, copied whole: it ends at the first quote no backslash escapes.
            var close = read + 1;
            while (true)
            {
                var at = json[close..].IndexOfAny((byte)'"', (byte)'\\');
                if (at < 0) throw new FormatException("A compiled column ends inside a string.");
                close += at;
                if (json[close] == (byte)'"') break;
                close += 2;
            }
            written += Move(json, read, close + 1, written);
            read = close + 1;
        }
        return written;
    }

    private static readonly SearchValues<byte> SpacingOrQuote = SearchValues.Create(" \t\r\n\""u8);

    // Copies json[start..end] to json[to..] (never ahead of start) and returns how many bytes that was.
    private static int Move(Span<byte> json, int start, int end, int to)
    {
        if (to != start) json[start..end].CopyTo(json[to..]);
        return end - start;
    }
}
