using System.Buffers.Text;
using System.Security.Cryptography;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// What a request varies by (its query string, its Accept headers) goes into an output-cache key as a SHA-256 digest
/// of the text, not the text: the cache's size limit and each client's quota count a response's bytes, not its key's,
/// so a key holding a 24 KB header would keep 48 KB the limits never see. Equal texts still give equal keys.
/// </summary>
public static class CacheKeyDigest
{
    public static string Of(params ReadOnlySpan<string?> parts)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        ThreadHashes.Sha256(parts, '\n', hash);
        return Base64Url.EncodeToString(hash);
    }
}
