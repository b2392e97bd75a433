using System.Text;
using System.Text.Json;
using DepinApi.GraphQL.Compiled;
using DepinApi.GraphQL.Execution;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// The markers a compiled statement writes are replaced in its JSON text by their values (the cursors the resolvers
/// would sign for the same positions, permalinks, citations), and nothing else in the text changes, whatever it holds
/// around them, but the spaces Postgres writes between tokens.
/// </summary>
public class CompiledMarkersTests
{
    private readonly CursorCodec codec = new(Options.Create(new RestOptions()));

    // The cursor queries of the statement the markers come from, named in the markers by place, and the version it read.
    private static readonly string[] Queries = ["graphql:projects:[\"Name\",\"asc\",null,null,null]\n@"];
    private const int Version = 7;

    [Fact]
    public void Every_marker_becomes_its_signed_cursor_and_the_rest_stays_as_Postgres_wrote_it_without_its_spacing()
    {
        // As Postgres's json_build_object writes it: spaces after colons and commas, non-ASCII as itself, escapes kept.
        const string json = """
            {"edges" : [{"cursor" : {"$cursor" : [0, "Zürich \"Net\"", "zurich"]}, "node" : {"name" : "Zürich \"Net\"", "tags" : [], "more" : {"a" : null, "b" : 1.50}}}, {"cursor" : {"$cursor" : [0, "io.net", "io-net"]}, "node" : {"name" : "io.net"}}], "pageInfo" : {"hasNextPage" : false, "endCursor" : {"$cursor" : [0, "io.net", "io-net"]}}}
            """;

        using var replaced = CompiledMarkers.Replace(Encoding.UTF8.GetBytes(json), SignCursor);

        var zurich = Cursors.Create(codec, Queries[0], Version, ["Zürich \"Net\"", "zurich"]);
        var ioNet = Cursors.Create(codec, Queries[0], Version, ["io.net", "io-net"]);
        var expected = """
            {"edges":[{"cursor":"ZURICH","node":{"name":"Zürich \"Net\"","tags":[],"more":{"a":null,"b":1.50}}},{"cursor":"IONET","node":{"name":"io.net"}}],"pageInfo":{"hasNextPage":false,"endCursor":"IONET"}}
            """.Replace("ZURICH", zurich, StringComparison.Ordinal).Replace("IONET", ioNet, StringComparison.Ordinal);
        Assert.Equal(expected, Text(replaced));
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), replaced.Length);
        var opened = Cursors.TryOpen(codec, Queries[0], zurich, 2);
        Assert.Equal(["Zürich \"Net\"", "zurich"], opened?.Position ?? []);
        Assert.Equal(Version, opened?.Version);
    }

    [Fact]
    public void Json_without_markers_keeps_every_value()
    {
        const string json = """{"edges" : [], "pageInfo" : {"hasNextPage" : false, "endCursor" : null}}""";

        using var replaced = CompiledMarkers.Replace(Encoding.UTF8.GetBytes(json), SignCursor);

        Assert.Equal("""{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}""", Text(replaced));
        Assert.Equal(Text(replaced).Length, replaced.Length);
    }

    [Fact]
    public void A_marker_gives_its_values_as_written_and_its_replacement_is_escaped_as_JSON()
    {
        const string json = """[{"$cite" : ["citation", 12.50, null, -3, "say \"hi\"\n"]}, {"a" : {"$cite" : []}}]""";
        var seen = new List<string?[]>();
        string Replacement(string key, MarkerValues values)
        {
            Assert.Equal("$cite", key);
            seen.Add(Enumerable.Range(0, values.Count).Select(values.TextOrNull).ToArray());
            return seen.Count == 1 ? "“Quoted”, \\ \"and\" a\ttab" : "";
        }

        using var replaced = CompiledMarkers.Replace(Encoding.UTF8.GetBytes(json), Replacement);
        using var document = Parse(replaced);
        var length = replaced.Length;

        Assert.Equal(2, seen.Count);
        Assert.Equal(new string?[] { "citation", "12.50", null, "-3", "say \"hi\"\n" }, seen[0]);
        Assert.Empty(seen[1]);
        Assert.Equal("“Quoted”, \\ \"and\" a\ttab", document.RootElement[0].GetString());
        Assert.Equal("", document.RootElement[1].GetProperty("a").GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(document.RootElement.GetRawText()), length);
    }

    [Fact]
    public void A_marker_value_reads_as_the_type_its_column_has()
    {
        const string json = """{"$cite" : ["x", 2025, 0.0500, null, "2026-03-31", "-7", "a\u00e9\"b"]}""";
        string Replacement(string key, MarkerValues all)
        {
            var values = all.From(1);
            Assert.Equal(2025, values.Int(0));
            Assert.Equal(0.0500m, values.Decimal(1));
            Assert.Equal("0.0500", values.Decimal(1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(values.DecimalOrNull(2));
            Assert.Null(values.DateOrNull(2));
            Assert.Null(values.TextOrNull(2));
            Assert.Equal(new DateOnly(2026, 3, 31), values.Date(3));
            Assert.Equal(-7, values.Int(4));
            Assert.Equal("aé\"b", values.Text(5));
            Assert.Throws<FormatException>(() => values.Text(2));
            Assert.Throws<FormatException>(() => values.Int(2));
            Assert.Equal("0.0500", values.From(1).Text(0));
            Assert.Equal(5, values.From(1).Count);
            return "read";
        }

        using var replaced = CompiledMarkers.Replace(Encoding.UTF8.GetBytes(json), Replacement);

        using var document = Parse(replaced);
        Assert.Equal("read", document.RootElement.GetString());
    }

    [Fact]
    public void Replacements_longer_than_the_first_pooled_block_are_written_whole()
    {
        // Many markers whose replacements together outgrow the first block of pooled memory, one of them needing escapes.
        var markers = Enumerable.Range(0, 200).Select(i => $$"""{"$cite" : [{{i}}]}""");
        var json = $"[{string.Join(", ", markers)}]";
        string Replacement(string key, MarkerValues values) =>
            values.Int(0) == 150 ? "tab\there \"quoted\" " + new string('é', 100) : new string('x', values.Int(0) * 3);

        using var replaced = CompiledMarkers.Replace(Encoding.UTF8.GetBytes(json), Replacement);

        using var document = Parse(replaced);
        var root = document.RootElement;
        Assert.Equal(200, root.GetArrayLength());
        Assert.Equal(new string('x', 199 * 3), root[199].GetString());
        Assert.Equal("tab\there \"quoted\" " + new string('é', 100), root[150].GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(root.GetRawText()), replaced.Length);
    }

    private string SignCursor(string key, MarkerValues values)
    {
        Assert.Equal(CursorSigning.MarkerKey, key);
        return CursorSigning.Cursor(codec, Queries, Version, values);
    }

    private static string Text(CompiledJson json) => Encoding.UTF8.GetString(json.Value.Utf8.Span);

    private static JsonDocument Parse(CompiledJson json) => JsonDocument.Parse(json.Value.Utf8);
}
