using DepinApi.Ide;
using Microsoft.AspNetCore.Http;

namespace DepinApi.Tests.Ide;

public class BrowserNavigationTests
{
    private const string Chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";
    private const string Firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData(Chrome)]
    [InlineData(Firefox)]
    [InlineData("text/html")]
    [InlineData("application/json;q=0.5, text/html")]
    [InlineData("text/html, application/json")]
    [InlineData("text/html, */*")]
    [InlineData("text/html;charset=utf-8, application/json")]
    public void A_GET_without_a_query_that_prefers_HTML_gets_the_IDE(string accept) =>
        Assert.True(BrowserNavigation.WantsIde(Request("GET", "", accept)));

    [Theory]
    [InlineData("")]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("text/html;q=0.5, application/json")]
    [InlineData("text/html;q=0")]
    [InlineData("text/plain")]
    [InlineData("not a media type;;;")]
    [InlineData("*/*;q=0.9, text/html;q=0.1")]
    [InlineData("text/html;q=0.5, */*")]
    [InlineData("text/*, application/json")]
    [InlineData("text/html;charset=iso-8859-1")]
    public void A_GET_that_does_not_prefer_HTML_is_a_GraphQL_request(string accept) =>
        Assert.False(BrowserNavigation.WantsIde(Request("GET", "", accept)));

    [Theory]
    [InlineData("?query={__typename}")]
    [InlineData("?query=")]
    [InlineData("?operationName=A&query={a}")]
    public void A_GET_with_a_query_parameter_is_a_GraphQL_request_even_from_a_browser(string queryString) =>
        Assert.False(BrowserNavigation.WantsIde(Request("GET", queryString, Chrome)));

    [Theory]
    [InlineData("POST")]
    [InlineData("HEAD")]
    [InlineData("PUT")]
    public void Only_GET_gets_the_IDE(string method) =>
        Assert.False(BrowserNavigation.WantsIde(Request(method, "", Chrome)));

    private static HttpRequest Request(string method, string queryString, string accept)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = "/graphql";
        context.Request.QueryString = new QueryString(queryString);
        if (accept.Length > 0) context.Request.Headers.Accept = accept;
        return context.Request;
    }
}
