using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Every text the API sends is UTF-8 and says so. Without a charset a browser takes a style sheet or script to be in
/// the encoding of the page that loads it, and another client in a default of its own.
/// </summary>
public static class TextCharset
{
    /// <summary>
    /// <paramref name="contentType"/> with <c>charset=utf-8</c> when it is text (<c>text/*</c>, or JavaScript under its
    /// former <c>application/javascript</c>) naming no charset; else as given.
    /// </summary>
    public static string Utf8(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || type.Charset.HasValue)
            return contentType;
        var text = type.MediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
                   || type.MediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
        return text ? contentType + "; charset=utf-8" : contentType;
    }
}
