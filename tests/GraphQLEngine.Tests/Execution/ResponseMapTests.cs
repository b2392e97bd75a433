using GraphQLEngine.Execution;

namespace GraphQLEngine.Tests.Execution;

public class ResponseMapTests
{
    [Fact]
    public void Behaves_as_a_read_only_dictionary_in_insertion_order()
    {
        var map = new ResponseMap([new("b", 1), new("a", null)]);
        Assert.Equal(["b", "a"], map.Keys);
        Assert.Equal(2, map.Count);
        Assert.True(map.ContainsKey("a"));
        Assert.True(map.TryGetValue("b", out var b));
        Assert.Equal(1, b);
        Assert.False(map.TryGetValue("c", out _));
        Assert.Throws<KeyNotFoundException>(() => map["c"]);
        Assert.Throws<ArgumentException>(() => new ResponseMap([new("a", 1), new("a", 2)]));
    }
}
