using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Win32.SafeHandles;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The bytes of a response being built: in pooled memory up to a threshold, beyond it in a temporary file that has no
/// name once open (on Unix; deleted on close elsewhere), until they are drained into the client's
/// <see cref="PipeWriter"/>.
/// </summary>
/// <remarks>
/// ASP.NET Core's <c>FileBufferingWriteStream</c> does this job too, but it moves its memory to the file one kilobyte
/// page at a time and then fills memory again, so almost every byte of a long export reached the file in a
/// one-kilobyte write at an unaligned offset: a thread-pool work item and a system call per kilobyte, and the kernel
/// zeroing the rest of each new block. Under the slow-reader attack that zeroing alone was an eighth of the server's
/// CPU (docs/performance.md, *Means*). Here the file is written and read in chunks of up to 64 KiB, each a whole
/// number of pages at a page boundary.
/// </remarks>
internal sealed class ResponseSpool : IDisposable
{
    // Memory is taken in chunks that double from a page (most responses are a few kilobytes) up to the file's chunk,
    // so every chunk, and every offset in the file, is a whole number of pages.
    private const int FirstChunkBytes = 4 * 1024;
    private const int FileChunkBytes = 64 * 1024;

    private readonly int memoryThreshold;
    private readonly string? temporaryDirectory;
    private readonly Queue<ArraySegment<byte>> full = new();
    private long heldBytes;
    private byte[]? current;
    private int currentSize;
    private int used;
    private SafeFileHandle? file;
    private long fileLength;

    /// <param name="memoryThreshold">How many bytes are held in memory at most (at least a page).</param>
    /// <param name="temporaryDirectory">Where the file goes: by default ASPNETCORE_TEMP, else the system's temp folder.</param>
    public ResponseSpool(int memoryThreshold, string? temporaryDirectory = null)
    {
        this.memoryThreshold = memoryThreshold;
        this.temporaryDirectory = temporaryDirectory;
    }

    /// <summary>Whether the bytes outgrew memory and went on to the temporary file.</summary>
    public bool Spilled => file is not null;

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            current ??= NextChunk();
            var n = Math.Min(data.Length, currentSize - used);
            data[..n].CopyTo(current.AsSpan(used));
            used += n;
            data = data[n..];
            if (used == currentSize)
                StoreFullChunk();
        }
    }

    /// <summary>
    /// Writes everything held to <paramref name="destination"/>, flushing after each chunk, and gives each chunk back
    /// before awaiting the flush, so a slow client holds the writer's own buffer and not one of ours.
    /// </summary>
    public async Task DrainAsync(PipeWriter destination, CancellationToken cancellationToken)
    {
        for (long offset = 0; offset < fileLength; offset += FileChunkBytes)
        {
            var length = (int)Math.Min(FileChunkBytes, fileLength - offset);
            var chunk = ArrayPool<byte>.Shared.Rent(length);
            var read = RandomAccess.Read(file!, chunk.AsSpan(0, length), offset);
            destination.Write(chunk.AsSpan(0, read));
            ArrayPool<byte>.Shared.Return(chunk);
            if (read < length)
                throw new IOException($"The response's temporary file ended {fileLength - offset - read} bytes early.");
            if (await IsClosedAsync(destination, cancellationToken))
                return;
        }
        while (full.TryDequeue(out var chunk))
        {
            destination.Write(chunk);
            ArrayPool<byte>.Shared.Return(chunk.Array!);
            if (await IsClosedAsync(destination, cancellationToken))
                return;
        }
        if (current is not null)
        {
            destination.Write(current.AsSpan(0, used));
            ArrayPool<byte>.Shared.Return(current);
            current = null;
            used = 0;
            await destination.FlushAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        while (full.TryDequeue(out var chunk))
            ArrayPool<byte>.Shared.Return(chunk.Array!);
        if (current is not null)
            ArrayPool<byte>.Shared.Return(current);
        current = null;
        file?.Dispose();
        file = null;
    }

    private static async ValueTask<bool> IsClosedAsync(PipeWriter destination, CancellationToken cancellationToken)
    {
        var flushed = await destination.FlushAsync(cancellationToken);
        return flushed.IsCompleted || flushed.IsCanceled;
    }

    private byte[] NextChunk()
    {
        if (file is null)
        {
            currentSize = (int)Math.Clamp(heldBytes, FirstChunkBytes, FileChunkBytes);
            if (heldBytes > 0 && heldBytes + currentSize > memoryThreshold)
                SpillToFile();
        }
        if (file is not null)
            currentSize = FileChunkBytes;
        return ArrayPool<byte>.Shared.Rent(currentSize);
    }

    // Kept in memory until the file is open; after that written to it, and the chunk used again.
    private void StoreFullChunk()
    {
        if (file is null)
        {
            full.Enqueue(new ArraySegment<byte>(current!, 0, currentSize));
            heldBytes += currentSize;
            current = null;
        }
        else
        {
            RandomAccess.Write(file, current.AsSpan(0, currentSize), fileLength);
            fileLength += currentSize;
        }
        used = 0;
    }

    // Memory is full and more is coming: what memory holds goes to the new file in one gathering write.
    private void SpillToFile()
    {
        file = OpenTemporaryFile(temporaryDirectory);
        RandomAccess.Write(file, full.Select(chunk => (ReadOnlyMemory<byte>)chunk).ToList(), 0);
        fileLength = heldBytes;
        while (full.TryDequeue(out var chunk))
            ArrayPool<byte>.Shared.Return(chunk.Array!);
        heldBytes = 0;
    }

    // The default folder is looked up here, not per response: most responses never reach the file.
    private static SafeFileHandle OpenTemporaryFile(string? directory)
    {
        directory ??= Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is { Length: > 0 } configured ? configured : Path.GetTempPath();
        var path = Path.Combine(directory, $"depin-response-{Guid.NewGuid():N}.tmp");
        if (OperatingSystem.IsWindows())
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete,
                FileOptions.DeleteOnClose);
        // Unlinked at once: the open handle keeps the bytes, and nothing is left behind if the process dies.
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
        File.Delete(path);
        return handle;
    }
}
