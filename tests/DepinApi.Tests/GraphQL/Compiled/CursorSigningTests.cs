using System.Text;
using System.Text.Json;
using DepinApi.GraphQL.Compiled;
using DepinApi.GraphQL.Execution;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.Extensions.Options;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// The markers a compiled statement writes are replaced in its JSON text by the cursors the resolvers would sign for
/// the same positions, and nothing else in the text changes, whatever it holds around them.
/// </summary>
public class CursorSigningTests
{
    private readonly CursorCodec codec = new(Options.Create(new RestOptions()));

    [Fact]
    public void Every_marker_becomes_its_signed_cursor_and_the_rest_stays_as_Postgres_wrote_it()
    {
        // As Postgres's json_build_object writes it: spaces after colons and commas, non-ASCII as itself, escapes kept.
        const string json = """
            {"edges" : [{"cursor" : {"$cursor" : ["projects:Name:asc", "Zürich \"Net\"", "zurich"]}, "node" : {"name" : "Zürich \"Net\"", "tags" : [], "more" : {"a" : null, "b" : 1.50}}}, {"cursor" : {"$cursor" : ["projects:Name:asc", "io.net", "io-net"]}, "node" : {"name" : "io.net"}}], "pageInfo" : {"hasNextPage" : false, "endCursor" : {"$cursor" : ["projects:Name:asc", "io.net", "io-net"]}}}
            """;

        var (signed, length) = CursorSigning.Sign(Encoding.UTF8.GetBytes(json), codec);

        using (signed)
        {
            var zurich = Cursors.Create(codec, "projects:Name:asc", ["Zürich \"Net\"", "zurich"]);
            var ioNet = Cursors.Create(codec, "projects:Name:asc", ["io.net", "io-net"]);
            var expected = json
                .Replace("""{"$cursor" : ["projects:Name:asc", "Zürich \"Net\"", "zurich"]}""", $"\"{zurich}\"", StringComparison.Ordinal)
                .Replace("""{"$cursor" : ["projects:Name:asc", "io.net", "io-net"]}""", $"\"{ioNet}\"", StringComparison.Ordinal);
            var text = signed.RootElement.GetRawText();
            Assert.Equal(expected, text);
            Assert.Equal(Encoding.UTF8.GetByteCount(expected), length);
            Assert.Equal(zurich, signed.RootElement.GetProperty("edges")[0].GetProperty("cursor").GetString());
            Assert.Equal(["Zürich \"Net\"", "zurich"], Cursors.TryOpen(codec, "projects:Name:asc", zurich, 2) ?? []);
        }
    }

    [Fact]
    public void Json_without_markers_is_returned_unchanged()
    {
        const string json = """{"edges" : [], "pageInfo" : {"hasNextPage" : false, "endCursor" : null}}""";

        var (signed, length) = CursorSigning.Sign(Encoding.UTF8.GetBytes(json), codec);

        using (signed)
        {
            Assert.Equal(json, signed.RootElement.GetRawText());
            Assert.Equal(json.Length, length);
            Assert.Equal(JsonValueKind.Null, signed.RootElement.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
        }
    }
}
