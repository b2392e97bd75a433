using System.Buffers;

namespace GraphQLEngine.Execution;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays borrowed from <see cref="ArrayPool{T}.Shared"/>. Growing borrows a
/// larger array and gives the smaller one back, so writing a response leaves no garbage behind but what the caller
/// copies out. Dispose gives the array back; the written bytes must not be used after that.
/// </summary>
internal sealed class PooledByteBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _written;
    private bool _disposed;

    /// <summary>
    /// Most bytes that may be written; more throws <see cref="ResponseTooLargeException"/> as they are written. Zero or
    /// less: no limit. Room asked for is counted only against <see cref="RoomPerByte"/> times the limit: a JSON writer
    /// asks for a value's worst case (six bytes a character, should all need escaping) and writes what it needs, so a
    /// value that fits may ask for more than the limit, while one that cannot fit (50 MB under a 1 MB limit) is refused
    /// before it is copied.
    /// </summary>
    public long MaxBytes { get; set; }

    /// <summary>The worst case a JSON writer asks room for, per byte it writes, and a character's escape besides.</summary>
    private const long RoomPerByte = 7;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
        if (MaxBytes > 0 && _written > MaxBytes) throw new ResponseTooLargeException(MaxBytes);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed) return;
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (MaxBytes > 0 && (long)_written + needed > RoomPerByte * MaxBytes) throw new ResponseTooLargeException(MaxBytes);
        // Doubling keeps the number of copies logarithmic in the response's size; a limit caps the doubling, not the
        // room a single value asks for (see MaxBytes).
        var doubled = MaxBytes > 0 ? Math.Min(2L * _buffer.Length, MaxBytes) : 2L * _buffer.Length;
        var size = (int)Math.Min(Array.MaxLength, Math.Max(doubled, (long)_written + needed));
        var larger = ArrayPool<byte>.Shared.Rent(size);
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
