using System.Text.Json.Nodes;
using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language.GraphQLJs;

/// <summary>Block string dedent/printability/printing and quoted string printing against graphql-js 16.</summary>
public class GraphQLJsStringTests
{
    private static readonly JsonNode Cases = JsonNode.Parse(GraphQLJsCases.Json)!;

    public static TheoryData<int> BlockStringCases() => Indexes("blockStrings");
    public static TheoryData<int> StringCases() => Indexes("strings");

    [Theory]
    [MemberData(nameof(BlockStringCases))]
    public void Block_string_algorithms_match_graphql_js(int index)
    {
        var expected = Cases["blockStrings"]![index]!;
        var lines = expected["lines"]!.AsArray().Select(line => line!.GetValue<string>()).ToList();
        var value = string.Join('\n', lines);

        Assert.Equal(expected["dedented"]!.AsArray().Select(line => line!.GetValue<string>()), BlockString.DedentLines(lines));
        Assert.Equal(expected["printable"]!.GetValue<bool>(), BlockString.IsPrintableAsBlockString(value));
        Assert.Equal(expected["printed"]!.GetValue<string>(), BlockString.Print(value));
        Assert.Equal(expected["minimized"]!.GetValue<string>(), BlockString.Print(value, minimize: true));
    }

    [Theory]
    [MemberData(nameof(StringCases))]
    public void PrintString_matches_graphql_js(int index)
    {
        var expected = Cases["strings"]![index]!;
        Assert.Equal(expected["printed"]!.GetValue<string>(), Printer.PrintString(expected["input"]!.GetValue<string>()));
    }

    private static TheoryData<int> Indexes(string section)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases[section]!.AsArray().Count; i++) data.Add(i);
        return data;
    }
}
