using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// SHA-256 and HMAC-SHA-256 of texts joined by a separator, as UTF-8, through one context of each per thread, reset by
/// each digest: the digests every response computes (its ETag, its output-cache key). On Linux each one-shot call
/// (<c>SHA256.HashData</c>, <c>HMACSHA256.HashData</c>) or new <see cref="IncrementalHash"/> makes and frees an
/// OpenSSL context, and an HMAC one-shot looks its algorithm up by name as well: measured here 2.5 → 1.0 µs for an
/// HMAC of an ETag's text and 1.0 → 0.5 µs for a SHA-256 (docs/performance.md, <i>Means</i>). The digests are those
/// of the joined text; nothing is joined or encoded on the heap for parts up to 1 KB.
/// </summary>
public static class ThreadHashes
{
    [ThreadStatic] private static IncrementalHash? sha256;
    [ThreadStatic] private static IncrementalHash? hmac;
    [ThreadStatic] private static byte[]? hmacKey;

    /// <summary>The SHA-256 of <paramref name="parts"/> joined by <paramref name="separator"/> (a null part as empty).</summary>
    public static void Sha256(ReadOnlySpan<string?> parts, char separator, Span<byte> destination)
    {
        var hash = sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Digest(hash, parts, separator, destination, () => sha256 = null);
    }

    /// <summary>The HMAC-SHA-256 under <paramref name="key"/> of <paramref name="parts"/> joined by <paramref name="separator"/>.</summary>
    public static void HmacSha256(byte[] key, ReadOnlySpan<string?> parts, char separator, Span<byte> destination)
    {
        if (hmac is null || !ReferenceEquals(hmacKey, key))
        {
            hmac?.Dispose();
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            hmacKey = key;
        }
        Digest(hmac, parts, separator, destination, () => hmac = null);
    }

    private static void Digest(IncrementalHash hash, ReadOnlySpan<string?> parts, char separator, Span<byte> destination, Action forget)
    {
        try
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) Append(hash, new ReadOnlySpan<char>(in separator));
                Append(hash, parts[i]);
            }
            hash.GetHashAndReset(destination);
        }
        catch
        {
            // A context left part-fed must never give a later digest on this thread.
            hash.Dispose();
            forget();
            throw;
        }
    }

    private static void Append(IncrementalHash hash, ReadOnlySpan<char> text)
    {
        const int stackBufferSize = 1024;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= stackBufferSize ? stackalloc byte[stackBufferSize] : rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            hash.AppendData(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
