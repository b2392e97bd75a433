using System.Buffers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Bytes written one after another into pooled memory that grows as needed and is given back on disposal. The
/// framework's <see cref="ArrayBufferWriter{T}"/> grows fresh arrays instead; this is that, over the shared pool.
/// </summary>
internal sealed class PooledBytes(int initialCapacity) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>How many bytes are written.</summary>
    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, Length);

    /// <summary>The free memory after the written bytes, at least <paramref name="bytes"/> long; <see cref="Advance"/> by what is written into it.</summary>
    public Span<byte> FreeSpan(int bytes)
    {
        if (buffer.Length - Length < bytes)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, Length + bytes));
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
        return buffer.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Forgets the bytes written; the memory is kept for the next.</summary>
    public void Clear() => Length = 0;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(FreeSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        Length = 0;
    }
}
