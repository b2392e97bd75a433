using DepinApi.Rest.Models;

namespace DepinApi.Pages;

/// <summary>
/// What every page carries around its content: the title and description (also its link preview), the canonical
/// URL (from <c>Server:PublicBaseUrl</c>, never the request's Host), the preview image, the same resource as JSON and
/// CSV, and the data version it was read from.
/// </summary>
public sealed record PageFrame(
    string Title, string Description, string CanonicalUrl, string? PreviewImageUrl, string JsonUrl, string CsvUrl,
    DataVersionRef DataVersion, string StylesheetPath, string ScriptPath, IReadOnlyList<PageLink> Navigation);

/// <summary>A labelled link.</summary>
public sealed record PageLink(string Label, string Url);

/// <summary>A chart of a series, as an image of its SVG, and the snippets that embed it elsewhere.</summary>
public sealed record ChartRef(string SvgUrl, string Alt, string Caption)
{
    public string ImgSnippet => $"<img src=\"{Attr(SvgUrl)}\" alt=\"{Attr(Alt)}\" width=\"800\">";

    public string IframeSnippet => $"<iframe src=\"{Attr(SvgUrl)}\" title=\"{Attr(Alt)}\" width=\"800\" height=\"450\" loading=\"lazy\"></iframe>";

    private static string Attr(string text) => System.Net.WebUtility.HtmlEncode(text);
}

/// <summary>One row of a table on a page: the cells as text, a link for the first, and whether it is the page's own figure.</summary>
public sealed record PageRow(IReadOnlyList<string> Cells, string? Url = null, bool IsThis = false);

/// <summary>A table on a page; <c>Numeric</c> names the columns aligned as numbers.</summary>
public sealed record PageTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<PageRow> Rows, IReadOnlySet<int>? Numeric = null)
{
    public bool IsNumeric(int column) => Numeric?.Contains(column) == true;
}
