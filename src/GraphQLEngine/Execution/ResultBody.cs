using System.Text.Json;

namespace GraphQLEngine.Execution;

/// <summary>
/// A result's JSON text, written in two steps: <c>errors</c> and <c>data</c> first, under a size limit, so that a
/// result too large to send is found out before anything is sent or cached (and having buffered no more than the
/// limit); then <c>extensions</c>, which hooks add after seeing the result.
/// </summary>
internal sealed class ResultBody : IDisposable
{
    private readonly PooledByteBufferWriter _buffer;
    private Utf8JsonWriter? _writer;

    private ResultBody(PooledByteBufferWriter buffer, Utf8JsonWriter writer) => (_buffer, _writer) = (buffer, writer);

    /// <summary>The body with <c>errors</c> and <c>data</c> written, or null when they are over <paramref name="maxBytes"/>.</summary>
    /// <param name="maxBytes">Zero or less: no limit.</param>
    public static ResultBody? TryStart(ExecutionResult result, long maxBytes)
    {
        var buffer = new PooledByteBufferWriter(ExecutionResultWriter.InitialBufferSize) { MaxBytes = maxBytes };
        try
        {
            var writer = ExecutionResultWriter.RentWriter(buffer);
            ExecutionResultWriter.WriteHead(writer, result);
            writer.Flush();
            return new ResultBody(buffer, writer);
        }
        catch (ResponseTooLargeException)
        {
            buffer.Dispose();
            return null;
        }
    }

    /// <summary>Writes <c>extensions</c> (not counted against the limit: hooks add little) and ends the object.</summary>
    public void Finish(ExecutionResult result)
    {
        var writer = _writer ?? throw new InvalidOperationException("The body is finished.");
        _writer = null;
        _buffer.MaxBytes = 0;
        ExecutionResultWriter.WriteTail(writer, result);
        ExecutionResultWriter.ReturnWriter(writer);
    }

    /// <summary>The finished text; valid until disposed.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public void Dispose() => _buffer.Dispose();
}
