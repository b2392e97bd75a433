using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// ASP.NET Core's response-compression provider (which responses to compress: media types, HTTPS, ranges) with the
/// coding chosen by <see cref="ContentCodingChoice"/> among the configured providers, in their order. Its own choice
/// skipped a coding refused with <c>q=0</c> and then took it back from a later <c>*</c>. It also leaves alone what is
/// not worth compressing, which ASP.NET Core's has no setting for: an error, a body known to be shorter than
/// <see cref="SmallestCompressedBytes"/>, and the answers of an endpoint marked with <see cref="ShortAnswers"/>.
/// </summary>
/// <remarks>The providers are read as instances from the options (<c>RestApi</c> adds them so), in the order they tie.</remarks>
internal sealed class QualityCompressionProvider : ResponseCompressionProvider
{
    private readonly ICompressionProvider[] _providers;
    private readonly string[] _codings;

    public QualityCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : base(services, options)
    {
        _providers = [.. options.Value.Providers];
        _codings = [.. _providers.Select(provider => provider.EncodingName)];
    }

    /// <summary>
    /// The shortest body compressed. A shorter one fits in a packet either way, while each compressed response costs the
    /// server its compressor's set-up (hundreds of kilobytes of state, and for a small body more CPU than the rest of
    /// the answer; docs/performance.md, Means).
    /// </summary>
    public const int SmallestCompressedBytes = 1024;

    /// <summary>
    /// Compresses a response of a kind compression encodes (<see cref="MayEncode"/>) unless it is an error (a short
    /// problem or GraphQL error, whose client, refused or mistaken, would cost a compressor for nothing) or its length,
    /// known as it starts, is under <see cref="SmallestCompressedBytes"/>.
    /// </summary>
    public override bool ShouldCompressResponse(HttpContext context) =>
        MayEncode(context)
        && context.Response.StatusCode < StatusCodes.Status400BadRequest
        && (context.Response.ContentLength is not { } length || IsLongEnough(length));

    /// <summary>Whether a body of <paramref name="length"/> bytes is long enough to be compressed.</summary>
    public static bool IsLongEnough(long length) => length >= SmallestCompressedBytes;

    /// <summary>
    /// Whether the response is of a kind compression encodes: its media type, over HTTPS too, not a range, and not from
    /// an endpoint whose answers are always short (<see cref="ShortAnswers"/>).
    /// </summary>
    public bool MayEncode(HttpContext context) =>
        !ShortAnswers.Marked(context) && base.ShouldCompressResponse(context);

    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var coding = ContentCodingChoice.Choose(context.Request.Headers.AcceptEncoding, _codings);
        return coding is null ? null : _providers[Array.IndexOf(_codings, coding)];
    }
}
