using System.Text;
using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Execution;

/// <summary>The JSON form of results: key order, error shape and numbers as JavaScript's <c>JSON.stringify</c> prints them.</summary>
public class ExecutionResultWriterTests
{
    private static ExecutionResult WithData(params (string Key, object? Value)[] entries) =>
        new() { HasData = true, Data = new ResponseMap(entries.Select(e => new KeyValuePair<string, object?>(e.Key, e.Value))) };

    [Fact]
    public void Writes_errors_before_data_and_extensions_last()
    {
        var result = new ExecutionResult
        {
            HasData = true,
            Data = null,
            Errors = [new GraphQLError("boom", path: ["a", 0, "b"], locations: [new ErrorLocation(2, 3)],
                extensions: new Dictionary<string, object?> { ["code"] = "E1" })],
        };
        result.Extensions["cost"] = 12;
        Assert.Equal(
            """{"errors":[{"message":"boom","locations":[{"line":2,"column":3}],"path":["a",0,"b"],"extensions":{"code":"E1"}}],"data":null,"extensions":{"cost":12}}""",
            ExecutionResultWriter.ToJson(result));
    }

    [Fact]
    public void Leaves_out_data_for_request_errors_and_errors_when_there_are_none()
    {
        Assert.Equal("""{"errors":[{"message":"Must provide an operation."}]}""",
            ExecutionResultWriter.ToJson(ExecutionResult.RequestError([new GraphQLError("Must provide an operation.")])));
        Assert.Equal("""{"data":{"a":1}}""", ExecutionResultWriter.ToJson(WithData(("a", 1))));
    }

    [Fact]
    public void Copies_raw_JSON_values_as_they_stand_among_the_others()
    {
        var raw = new RawJson(Encoding.UTF8.GetBytes("""[{"name":"Zürich","n":1.50},null]"""));
        Assert.Equal("""{"data":{"a":[{"name":"Zürich","n":1.50},null],"b":"x"}}""",
            ExecutionResultWriter.ToJson(WithData(("a", raw), ("b", "x"))));
    }

    [Fact]
    public void Cuts_a_long_error_message_and_says_how_long_it_was()
    {
        // A message quoting what a client sent: a 250,000-character enum value had come back whole.
        var quoted = new string('Z', 250_000);
        var json = ExecutionResultWriter.ToJson(ExecutionResult.RequestError(
            [new GraphQLError($"Value \"{quoted}\" does not exist in \"Units\" enum."), new GraphQLError("short")]));

        using var document = JsonDocument.Parse(json);
        var messages = document.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.StartsWith("Value \"ZZZ", messages[0], StringComparison.Ordinal);
        Assert.EndsWith("… (250,040 characters)", messages[0], StringComparison.Ordinal);
        Assert.Equal(4_000 + "… (250,040 characters)".Length, messages[0].Length);
        Assert.Equal("short", messages[1]);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(123456789012.0, "123456789012")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    public void Prints_doubles_as_javascript_does(double value, string expected) =>
        Assert.Equal("""{"data":{"n":""" + expected + "}}", ExecutionResultWriter.ToJson(WithData(("n", value))));

    [Fact]
    public void Prints_other_numbers_and_values()
    {
        var json = ExecutionResultWriter.ToJson(WithData(
            ("long", 9007199254740993L),
            ("decimal", 12.50m),
            ("float", 0.1f),
            ("text", "<é> \"q\""),
            ("list", new List<object?> { 1, null, true }),
            ("nested", new ResponseMap([new("x", new object?[] { "y" })])),
            ("json", JsonDocument.Parse("""{"k":[1,2]}""").RootElement)));
        Assert.Equal(
            """{"data":{"long":9007199254740993,"decimal":12.5,"float":0.10000000149011612,"text":"<é> \"q\"","list":[1,null,true],"nested":{"x":["y"]},"json":{"k":[1,2]}}}""",
            json);
    }

    [Fact]
    public async Task Writes_to_a_stream()
    {
        using var stream = new MemoryStream();
        await ExecutionResultWriter.WriteAsync(stream, WithData(("a", "b")));
        Assert.Equal("""{"data":{"a":"b"}}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task Round_trips_an_executed_result_with_errors_located_in_the_document()
    {
        var schema = new GraphQLEngine.Type.GraphQLSchema(new GraphQLEngine.Type.GraphQLObjectType("Query",
        [
            new GraphQLEngine.Type.FieldDefinition("f", GraphQLEngine.Type.Scalars.Float) { Resolver = _ => ValueTask.FromResult<object?>(1e21) },
        ]));
        var result = await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = Parser.Parse("{ f g: f }") });
        Assert.Equal("""{"data":{"f":1e+21,"g":1e+21}}""", ExecutionResultWriter.ToJson(result));
    }

    [Fact]
    public void Writes_a_response_far_deeper_than_the_json_writers_default_depth_on_a_small_stack()
    {
        const int depth = 100_000;
        var innermost = new ResponseMap([new("id", "b1")]);
        var data = innermost;
        for (var i = 1; i < depth; i++) data = new ResponseMap([new("sequel", data)]);

        var json = SmallStack.Run(() => ExecutionResultWriter.ToJson(new ExecutionResult { HasData = true, Data = data }));

        var expected = "{\"data\":" + string.Concat(Enumerable.Repeat("{\"sequel\":", depth - 1)) + "{\"id\":\"b1\"}"
            + new string('}', depth);
        Assert.Equal(expected, json);
    }

    [Fact]
    public void Writes_deeply_nested_lists_and_dictionaries_of_a_scalar_value()
    {
        // A custom scalar may serialize to nested plain values; they are written by the same loop as the response.
        const int depth = 5_000;
        object? value = "leaf";
        for (var i = 0; i < depth; i++)
            value = i % 2 == 0 ? new List<object?> { value, 1 } : new Dictionary<string, object?> { ["k"] = value };

        var json = SmallStack.Run(() => ExecutionResultWriter.ToJson(WithData(("v", value))));

        var expected = new StringBuilder("{\"data\":{\"v\":");
        for (var i = depth - 1; i >= 0; i--) expected.Append(i % 2 == 0 ? "[" : "{\"k\":");
        expected.Append("\"leaf\"");
        for (var i = 0; i < depth; i++) expected.Append(i % 2 == 0 ? ",1]" : "}");
        Assert.Equal(expected.Append("}}").ToString(), json);
    }

    private static ExecutionResult LargeResult(int books) => WithData(("books", Enumerable.Range(0, books)
        .Select(i => (object?)new ResponseMap([new("id", "b" + i), new("title", "A title of some length, number " + i), new("pages", i)]))
        .ToArray()));

    [Fact]
    public void Writing_bytes_allocates_little_beyond_the_bytes_themselves()
    {
        // A growing buffer copied out at the end allocated several times the response; pooled memory and a single
        // copy leave the returned array as nearly the only allocation.
        var result = LargeResult(500);
        var json = ExecutionResultWriter.ToUtf8Bytes(result);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ExecutionResultWriter.ToUtf8Bytes(result);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, json.Length, json.Length + 1024);
    }

    [Fact]
    public async Task Writes_the_same_bytes_to_a_stream()
    {
        // Larger than the first pooled buffer, so the buffer has to grow.
        var result = LargeResult(2000);
        using var stream = new MemoryStream();

        await ExecutionResultWriter.WriteAsync(stream, result);

        Assert.True(stream.Length > 64 * 1024);
        Assert.Equal(ExecutionResultWriter.ToUtf8Bytes(result), stream.ToArray());
        JsonDocument.Parse(stream.ToArray()).Dispose();
    }
}
