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

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
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
        // Doubling keeps the number of copies logarithmic in the response's size.
        var size = (int)Math.Min(Array.MaxLength, Math.Max(2L * _buffer.Length, (long)_written + needed));
        var larger = ArrayPool<byte>.Shared.Rent(size);
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
