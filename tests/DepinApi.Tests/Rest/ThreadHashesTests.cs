using System.Security.Cryptography;
using System.Text;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>
/// The per-thread hash contexts give the digests of the joined text, as the one-shot calls they replace did: ETags and
/// cache keys must not change with them.
/// </summary>
public sealed class ThreadHashesTests
{
    public static TheoryData<string?[]> Texts { get; } = new()
    {
        new string?[] { "" },
        new string?[] { "etag", "1\nhttp://127.0.0.1/v1/projects/helium/revenue\n?format=csv\n*/*\nidentity" },
        new string?[] { null, "a", null },
        new string?[] { "Ünïcødé – “quotes”", "😀 astral", "\ud800 lone surrogate" },
        new string?[] { new string('x', 1500), new string('é', 700), "" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Sha256_is_that_of_the_joined_text_every_time(string?[] parts)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        for (var i = 0; i < 3; i++)
        {
            var digest = new byte[32];
            ThreadHashes.Sha256(parts, '\n', digest);
            Assert.Equal(expected, digest);
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Hmac_is_that_of_the_joined_text_under_each_key(string?[] parts)
    {
        byte[][] keys = [RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(48)];
        foreach (var key in keys.Concat(keys))
        {
            var digest = new byte[32];
            ThreadHashes.HmacSha256(key, parts, '\0', digest);
            Assert.Equal(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\0', parts))), digest);
        }
    }
}
