using System.Reflection;
using System.Text;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;

namespace DepinApi.Ide;

/// <summary>
/// The GraphiQL page and its content-hashed script and style sheet, read once from the resources the build embedded
/// (src/DepinApi/Ide/GraphQLIde.targets runs ide/build.mjs).
/// </summary>
internal sealed class GraphQLIdeBundle
{
    private const string ResourcePrefix = "DepinApi.Ide.Bundle/";
    private const string PageResource = "index.html";

    /// <summary>Where the page names its assets; the server replaces it with their URL prefix.</summary>
    public const string AssetsPlaceholder = "{{assets}}";

    private readonly Dictionary<string, PrecompressedContent> _assets;

    private GraphQLIdeBundle(string pageTemplate, Dictionary<string, PrecompressedContent> assets)
    {
        PageTemplate = pageTemplate;
        _assets = assets;
    }

    /// <summary>The HTML page, still holding <see cref="AssetsPlaceholder"/>.</summary>
    public string PageTemplate { get; }

    /// <summary>The asset of that file name, if the bundle has it.</summary>
    public bool TryGetAsset(string fileName, out PrecompressedContent asset) => _assets.TryGetValue(fileName, out asset!);

    /// <summary>Checks, without reading it, that <paramref name="assembly"/> carries the bundle.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without the bundle.</exception>
    public static void EnsureEmbedded(Assembly assembly)
    {
        if (assembly.GetManifestResourceInfo(ResourcePrefix + PageResource) is null)
            throw NotEmbedded();
    }

    /// <summary>Reads the bundle embedded in <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without the bundle.</exception>
    public static GraphQLIdeBundle Load(Assembly assembly)
    {
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(name => name[ResourcePrefix.Length..], name => Read(assembly, name), StringComparer.Ordinal);
        if (!files.TryGetValue(PageResource, out var page))
            throw NotEmbedded();

        var contentTypes = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, PrecompressedContent>(StringComparer.Ordinal);
        foreach (var (name, contents) in files)
        {
            if (name == PageResource || name.EndsWith(".br", StringComparison.Ordinal) || name.EndsWith(".gz", StringComparison.Ordinal))
                continue;
            var contentType = contentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
            assets[name] = new PrecompressedContent(
                TextCharset.Utf8(contentType),
                contents,
                files.GetValueOrDefault(name + ".br"),
                files.GetValueOrDefault(name + ".gz"),
                PrecompressedContent.StrongETag(contents));
        }
        return new GraphQLIdeBundle(Encoding.UTF8.GetString(page), assets);
    }

    private static InvalidOperationException NotEmbedded() => new(
        "The GraphQL IDE bundle is not embedded in the assembly; it is built by ide/build.mjs during `dotnet build` (see docs/ide.md).");

    private static byte[] Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
