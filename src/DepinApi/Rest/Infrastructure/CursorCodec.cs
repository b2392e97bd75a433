using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Opaque, tamper-evident pagination cursors: the position (the sort key of the last item sent)
/// and the scope it belongs to, signed with HMAC-SHA256. A cursor that was modified, truncated or
/// issued for another query is refused with a 400, so a client can never steer a query with it.
/// </summary>
/// <remarks>
/// Not ASP.NET Core Data Protection, which would encrypt as well as sign: a cursor's position is the sort key of an
/// item the client has just been sent, so there is nothing to hide, only something to keep from being forged. Every
/// replica reads one secret, <c>Rest:CursorKey</c>; Data Protection would need its key ring shared instead (a folder
/// or Redis all replicas reach, one application name, keys that rotate). Measured in <c>bench/library-choices</c>
/// (docs/dependencies.md): a typical cursor is 94 characters here and 198 with Data Protection, and making and opening
/// one costs about half as much here.
/// </remarks>
public sealed class CursorCodec
{
    private const string Expected = "a cursor exactly as returned by the previous page of the same query";
    private const int MacLength = 16;
    private readonly byte[] key;

    /// <summary>What <c>Rest:CursorKey</c> must be, checked at start-up (a bad key must stop the service, not fail requests).</summary>
    public const string KeyRequirement = RestOptions.Section + ":CursorKey must be base64 of at least 32 bytes, or empty for a key of the process's own.";

    public CursorCodec(IOptions<RestOptions> options)
    {
        key = KeyOf(options.Value.CursorKey)
              ?? throw new InvalidOperationException(KeyRequirement);
    }

    /// <summary>
    /// Why <paramref name="configured"/> is not a usable <c>Rest:CursorKey</c>, or null when it is. It says what the
    /// value is (not base64, or how many bytes), never the value: the key is a secret, and this goes to the log.
    /// </summary>
    public static string? KeyProblem(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured) || KeyOf(configured) is not null)
            return null;
        var buffer = new byte[configured.Length];
        var given = Convert.TryFromBase64String(configured, buffer, out var length) ? $"base64 of {length} bytes" : "not base64";
        return $"{RestOptions.Section}:CursorKey is {given}; it must be base64 of at least 32 bytes (e.g. from openssl rand -base64 32), or empty for a key of the process's own.";
    }

    // The configured key, a generated one when none is configured, or null when the configured one is not usable.
    private static byte[]? KeyOf(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return RandomNumberGenerator.GetBytes(32);
        var buffer = new byte[configured.Length];
        return Convert.TryFromBase64String(configured, buffer, out var length) && length >= 32 ? buffer[..length] : null;
    }

    /// <summary>
    /// A short name of the key that does not reveal it (16 hex digits of a MAC of a fixed text): what the shared
    /// output cache's keys start with, so that replicas with different keys never serve each other's pages, whose
    /// cursors and ETags only the key that signed them accepts.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(Mac("cache-namespace", "")[..8]);

    /// <summary>
    /// A MAC of <paramref name="text"/> under the same key, for another purpose than cursors (the
    /// purpose keeps the two from ever standing in for each other).
    /// </summary>
    public byte[] Mac(string purpose, string text)
    {
        var mac = new byte[HMACSHA256.HashSizeInBytes];
        ThreadHashes.HmacSha256(key, [purpose, text], '\n', mac);
        return mac;
    }

    /// <summary>A cursor for the position <paramref name="position"/> within the query <paramref name="scope"/>.</summary>
    public string Create(string scope, IReadOnlyList<string> position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(position);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(scope, payload));
    }

    /// <summary>The position a cursor holds, if it is intact and was issued for <paramref name="scope"/>.</summary>
    /// <exception cref="InvalidParameterException">The cursor is malformed, altered, or from another query.</exception>
    public IReadOnlyList<string> Open(string scope, string cursor)
    {
        var dot = cursor.IndexOf('.');
        if (dot <= 0 || !TryDecode(cursor[..dot], out var payload) || !TryDecode(cursor[(dot + 1)..], out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, Sign(scope, payload)))
            throw Invalid(cursor);
        try
        {
            return JsonSerializer.Deserialize<string[]>(payload) ?? throw Invalid(cursor);
        }
        catch (JsonException)
        {
            // Only reachable with a valid signature over a bad payload, i.e. never from our own cursors.
            throw Invalid(cursor);
        }
    }

    private byte[] Sign(string scope, byte[] payload)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope);
        var message = new byte[scopeBytes.Length + 1 + payload.Length];
        scopeBytes.CopyTo(message, 0);
        // A separator that UTF-8 text never contains keeps scope and payload from running into each other.
        message[scopeBytes.Length] = 0xFF;
        payload.CopyTo(message, scopeBytes.Length + 1);
        return HMACSHA256.HashData(key, message)[..MacLength];
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text))
            return false;
        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static InvalidParameterException Invalid(string cursor) =>
        new("cursor", Expected, cursor.Length > 200 ? cursor[..200] + "…" : cursor,
            "The cursor was altered, truncated, or issued for a different query, for the newest data before a newer import "
            + "(page with asOf to keep to one version), or by a server with another key. Start again without 'cursor'.")
        {
            ProblemType = "invalid-cursor",
        };
}
