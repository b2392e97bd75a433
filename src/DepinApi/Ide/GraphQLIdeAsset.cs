using Microsoft.Net.Http.Headers;

namespace DepinApi.Ide;

/// <summary>One file of the IDE bundle, with the compressed forms the build made of it.</summary>
/// <param name="ContentType">The media type it is served as.</param>
/// <param name="Identity">The file itself.</param>
/// <param name="Brotli">Its Brotli-compressed form, when the build made one.</param>
/// <param name="Gzip">Its gzip-compressed form, when the build made one.</param>
/// <param name="ETag">A strong validator: the file's content hash.</param>
internal sealed record GraphQLIdeAsset(
    string ContentType,
    byte[] Identity,
    byte[]? Brotli,
    byte[]? Gzip,
    EntityTagHeaderValue ETag);
