using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DepinApi.RateLimiting;

/// <summary>
/// Finds the configured API key a presented key matches. Keys are compared by their SHA-256, so the lookup's timing
/// says nothing about the secret and configuration never holds a usable key.
/// </summary>
internal sealed class ApiKeyRegistry
{
    private readonly FrozenDictionary<string, ApiKeyOptions> _byHash;

    public ApiKeyRegistry(IOptions<RateLimitingOptions> options) =>
        _byHash = options.Value.ApiKeys.ToFrozenDictionary(key => key.Sha256.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    public ApiKeyOptions? Find(string presentedKey) =>
        _byHash.GetValueOrDefault(Hash(presentedKey));

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes, as <c>printf %s "$KEY" | sha256sum</c> prints it.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
