using GraphQLEngine.Http;

namespace GraphQLEngine.Tests.Http;

/// <summary>A parameter's percent-encoded bytes are UTF-8 or named, told apart from a literal '%' in the raw query.</summary>
public sealed class PercentEncodedTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("?query=%7B__typename%7D")]
    [InlineData("?q=%25FF")]
    [InlineData("?q=caf%C3%A9&x=%F0%9F%98%80")]
    [InlineData("?q=100%&r=%zz&s=%")]
    [InlineData("?q=café")]
    public void Text_that_decodes_to_UTF_8_is_passed(string? rawQuery) =>
        Assert.Null(PercentEncodedText.FirstNotUtf8(rawQuery));

    [Theory]
    [InlineData("?q=%FF", "q")]
    [InlineData("?a=1&variables=%7B%22m%22%3A%22%FF%FE%22%7D", "variables")]
    [InlineData("?operationName=%ED%A0%80", "operationName")]
    [InlineData("?q=%E2%82", "q")]
    [InlineData("?q=%C0%AF", "q")]
    [InlineData("?my+name=%80", "my name")]
    [InlineData("?%FF=1", "%FF")]
    public void The_first_parameter_that_is_not_UTF_8_is_named(string rawQuery, string name) =>
        Assert.Equal(name, PercentEncodedText.FirstNotUtf8(rawQuery));
}
