using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Each hostile document goes through parse → validate → limits → execute on the test's own thread (no enlarged
/// stack), must come out as an answer rather than an exception, within the per-document time bound, at the
/// stage graphql-js's behaviour and the default limits call for.
/// </summary>
public sealed class HostileDocumentTests
{
    public static TheoryData<string> Names => new(HostileDocuments.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public Task Hostile_document_gets_an_answer(string name) => Run(HostileDocuments.All.Single(c => c.Name == name));

    private static async Task Run(HostileCase hostile)
    {
        var pipeline = new FuzzPipeline(FuzzSchema.Schema, hostile.Limits ?? QueryLimitOptions.Default, hostile.Parse);

        var stage = await pipeline.RunAsync(new FuzzCase("hostile document: " + hostile.Name, hostile.Source(), hostile.Variables?.Invoke()));

        Assert.Equal(hostile.Expected, stage);
    }
}
