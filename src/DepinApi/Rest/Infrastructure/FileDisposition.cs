using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The <c>Content-Disposition</c> of a file the API sends: a CSV as an <see cref="Attachment"/>, a chart as
/// <see cref="Inline"/>, each with its file name (and the RFC 5987 <c>filename*</c> a name outside ASCII needs). Written
/// here once, for the responses and for the OpenAPI document's examples of them.
/// </summary>
public static class FileDisposition
{
    public const string Attachment = "attachment";
    public const string Inline = "inline";

    /// <summary>The header's value for <paramref name="fileName"/> shown as <paramref name="type"/>.</summary>
    public static string Of(string type, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue(type);
        disposition.SetHttpFileName(fileName);
        return disposition.ToString();
    }
}
