using System.Buffers;
using System.Text;
using DepinApi.GraphQL.Compiled;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>A compiled column's JSON loses the spacing between its tokens and nothing inside its strings.</summary>
public class CompiledJsonTests
{
    [Theory]
    [InlineData("""{"a" : 1, "b" : [1, 2]}""", """{"a":1,"b":[1,2]}""")]
    [InlineData("""{ "a b" : "c \" d" , "e\\" : [ 1 ,""" + "\n\t" + """2 ] }""", """{"a b":"c \" d","e\\":[1,2]}""")]
    [InlineData("""["  ", "\\\"", " \\\\ "]""", """["  ","\\\""," \\\\ "]""")]
    [InlineData("  \"édition d’été\"  ", "\"édition d’été\"")]
    [InlineData("[]", "[]")]
    public void Spacing_between_tokens_goes_and_strings_stay_whole(string json, string compact)
    {
        using var compiled = new CompiledJson(Pooled(json, out var length), length);

        Assert.Equal(compact, Encoding.UTF8.GetString(compiled.Value.Utf8.Span));
        Assert.Equal(Encoding.UTF8.GetByteCount(compact), compiled.Length);
    }

    [Fact]
    public void Text_ending_inside_a_string_is_refused()
    {
        Assert.Throws<FormatException>(() => new CompiledJson(Pooled("{\"a\" : \"open \\\"", out var length), length));
    }

    private static byte[] Pooled(string json, out int length)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var pooled = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(pooled, 0);
        length = bytes.Length;
        return pooled;
    }
}
