using System.Net;
using System.Text.RegularExpressions;
using DepinApi.Tests.Rest;

namespace DepinApi.Tests.Pages;

/// <summary>
/// A figure page marks, in the source's sentence, the words that state the figure: each number it states, a range whole,
/// a multiple as the source writes it; a figure the source gives only as a label is not said to state a number.
/// </summary>
public sealed partial class FigurePageMarkTests(RestApiFixture api) : IClassFixture<RestApiFixture>
{
    [Theory]
    [InlineData("token-prices/akash-2026-06-01-change-30d-90d", "120.82%|31.71%")]
    [InlineData("token-prices/akash-2026-06-01-change-90d-faq", "120%")]
    [InlineData("token-prices/hivemapper-2026-06-01-change-1y-rounded", "93%")]
    [InlineData("token-prices/akash-2026-06-01-price", "0.7529|-42.02%")]
    [InlineData("sector-figures/depin-compute-2026-emissions-to-revenue-multiple", "10x or more")]
    [InlineData("metrics/aethir-2026q1-compute-capacity-multiple-target", "more than doubling")]
    [InlineData("metrics/render-2026-ai-inference-share-of-jobs", "35-40%")]
    [InlineData("sector-figures/depin-compute-2026-cost-savings-vs-centralized-cloud", "50-85%")]
    [InlineData("revenue/aethir-2025q2-quarterly-revenue", "$32.7 million")]
    [InlineData("settlement-mix/akash-2026-06-01-settlement-mix", "55%")]
    public async Task The_quote_marks_every_number_the_figure_states(string path, string marked)
    {
        var html = await PageAsync(path);
        var quote = html.Split("<blockquote")[1].Split("</blockquote>")[0];
        Assert.Equal(marked.Split('|'), Marks().Matches(quote).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        // The sentence itself is verbatim around its marks.
        var verbatim = (await api.GetJsonAsync("/v1/" + path)).GetProperty("data").GetProperty("quote").GetString();
        Assert.Equal(verbatim, WebUtility.HtmlDecode(Tags().Replace(quote.Split("<p>")[1].Split("</p>")[0], "")));
    }

    [Theory]
    [InlineData("hivemapper")]
    [InlineData("filecoin")]
    public async Task A_mix_given_only_as_a_label_is_not_said_to_state_a_number(string slug)
    {
        var html = await PageAsync($"settlement-mix/{slug}-2026-06-01-settlement-mix");
        Assert.DoesNotContain("states the number plainly", html);
        Assert.Contains("none: the source states no number, only that fees mainly settled in the native token", html);
        Assert.DoesNotContain("<mark>", html.Split("<blockquote")[1].Split("</blockquote>")[0]);
    }

    [Fact]
    public async Task A_number_stated_plainly_is_said_to_be()
    {
        var html = await PageAsync("revenue/aethir-2025q2-quarterly-revenue");
        Assert.Contains("<dd id=\"qualifier\">none: the source states the number plainly</dd>", html);
    }

    private async Task<string> PageAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/" + path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await api.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Marks();
}
