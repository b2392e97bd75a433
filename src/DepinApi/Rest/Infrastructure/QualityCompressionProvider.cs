using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// ASP.NET Core's response-compression provider (which responses to compress: media types, HTTPS, ranges) with the
/// coding chosen by <see cref="ContentCodingChoice"/> among the configured providers, in their order. Its own choice
/// skipped a coding refused with <c>q=0</c> and then took it back from a later <c>*</c>.
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

    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var coding = ContentCodingChoice.Choose(context.Request.Headers.AcceptEncoding, _codings);
        return coding is null ? null : _providers[Array.IndexOf(_codings, coding)];
    }
}
