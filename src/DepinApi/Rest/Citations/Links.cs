using System.Globalization;
using System.Runtime.CompilerServices;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Citations;

/// <summary>
/// Absolute URLs of the API's resources for one response. A figure's permalink names the figure by
/// its id (ids never change once published, and survive project renames) and pins the data
/// version it was read from, so the URL shows the same figure forever; dropping <c>asOf</c> gives
/// the figure as it stands now.
/// </summary>
public sealed class Links(HttpRequest request, int version)
{
    private readonly string root = request.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Of(request, "/v1");
    private readonly string pin = "?asOf=" + version.ToString(CultureInfo.InvariantCulture);

    public string Project(string slug) => $"{root}/projects/{slug}";
    public string ProjectPart(string slug, string part) => $"{root}/projects/{slug}/{part}";
    public string Source(string id) => $"{root}/sources/{id}";

    public string Revenue(string id) => $"{root}/revenue/{id}{pin}";
    public string SettlementMix(string id) => $"{root}/settlement-mix/{id}{pin}";
    public string TokenPrice(string id)
    {
        var text = CitationText.Buffer(stackalloc char[256]);
        AppendTokenPrice(ref text, id);
        return text.ToStringAndClear();
    }

    /// <summary><see cref="TokenPrice"/>'s link written into <paramref name="text"/> (<see cref="FigureText"/>).</summary>
    public void AppendTokenPrice(ref DefaultInterpolatedStringHandler text, string id)
    {
        text.AppendFormatted(root);
        text.AppendLiteral("/token-prices/");
        text.AppendFormatted(id);
        text.AppendFormatted(pin);
    }
    public string NetworkMetric(string id) => $"{root}/metrics/{id}{pin}";
    public string SectorFigure(string id) => $"{root}/sector-figures/{id}{pin}";
}
