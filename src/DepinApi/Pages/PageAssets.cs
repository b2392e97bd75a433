using System.Collections.Frozen;
using System.Security.Cryptography;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Pages;

/// <summary>
/// The pages' stylesheet and script, embedded in the assembly and served under names that carry a hash of their
/// content (<c>/pages/assets/pages.3f2a91c0.css</c>), so a browser may keep them for a year and a new build is
/// fetched at once. Each is kept with its Brotli and gzip forms, and served as the IDE's assets are
/// (<see cref="PrecompressedContent"/>): a strong tag per form, and its preconditions answered.
/// </summary>
public sealed class PageAssets
{
    public const string PathPrefix = "/pages/assets";

    private readonly FrozenDictionary<string, PrecompressedContent> byName;
    private readonly FrozenDictionary<string, string> hashedNames;

    public PageAssets()
    {
        var assembly = typeof(PageAssets).Assembly;
        var files = new Dictionary<string, PrecompressedContent>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, contentType) in new[] { ("pages.css", "text/css; charset=utf-8"), ("copy-citation.js", "text/javascript; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream("DepinApi.Pages.Assets." + name)
                               ?? throw new InvalidOperationException($"The build left the page asset {name} out of the assembly.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 6));
            var dot = name.LastIndexOf('.');
            var hashed = $"{name[..dot]}.{hash}{name[dot..]}";
            files[hashed] = PrecompressedContent.Compress(contentType, content);
            names[name] = hashed;
        }
        byName = files.ToFrozenDictionary(StringComparer.Ordinal);
        hashedNames = names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The path of an asset by its plain name ("pages.css"), under <paramref name="pathBase"/>.</summary>
    public string PathOf(PathString pathBase, string name) => $"{pathBase.Value}{PathPrefix}/{hashedNames[name]}";

    internal bool TryGet(string hashedName, out PrecompressedContent asset) => byName.TryGetValue(hashedName, out asset!);
}
