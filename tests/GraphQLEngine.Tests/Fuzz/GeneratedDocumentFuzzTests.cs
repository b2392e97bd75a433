using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Thousands of grammar-generated documents, then the same documents damaged, through parse → validate → limits →
/// execute → JSON. Seeds are fixed, so a failure names the seed that reproduces it.
/// </summary>
public sealed class GeneratedDocumentFuzzTests
{
    private const int GeneratedCount = 2000;
    private const int MutatedCount = 1500;

    [Fact]
    public async Task Generated_documents_get_answers_and_every_stage_is_reached()
    {
        var pipeline = new FuzzPipeline(FuzzSchema.Schema, FuzzPipeline.LooseLimits);
        for (var seed = 0; seed < GeneratedCount; seed++)
            await pipeline.RunAsync(DocumentGenerator.Generate(FuzzSchema.Schema, seed));

        // The generator is meant to produce mostly valid documents with a share of invalid ones; if that drifts,
        // the corpus stops exercising one side and this test would pass without testing much.
        var reached = pipeline.Reached;
        Assert.True(reached[FuzzStage.Executed] > GeneratedCount / 4, Describe(reached));
        Assert.True(reached[FuzzStage.ValidationErrors] > GeneratedCount / 10, Describe(reached));
        Assert.True(reached[FuzzStage.SyntaxError] < GeneratedCount / 10, Describe(reached));
    }

    [Fact]
    public async Task Mutated_documents_get_answers()
    {
        var pipeline = new FuzzPipeline(FuzzSchema.Schema, FuzzPipeline.LooseLimits);
        for (var seed = 0; seed < MutatedCount; seed++)
        {
            var original = DocumentGenerator.Generate(FuzzSchema.Schema, 1_000_000 + seed);
            var mutated = DocumentMutator.Mutate(new Random(seed), original.Source);
            await pipeline.RunAsync(original with
            {
                Origin = $"generated document, seed {1_000_000 + seed}, mutated with seed {seed}",
                Source = mutated,
            });
        }

        var reached = pipeline.Reached;
        Assert.True(reached[FuzzStage.SyntaxError] > MutatedCount / 4, Describe(reached));
        Assert.True(reached[FuzzStage.Executed] + reached[FuzzStage.ValidationErrors] > MutatedCount / 10, Describe(reached));
    }

    [Fact]
    public async Task Mutated_documents_get_answers_with_every_parse_limit_lifted()
    {
        // Without token or depth limits the parser meets the oversized inputs in full; depth stays bounded
        // here only because the mutations add at most a few hundred brackets.
        var pipeline = new FuzzPipeline(FuzzSchema.Schema, FuzzPipeline.LooseLimits, new ParseOptions { MaxTokens = 0, MaxDepth = 1000 });
        for (var seed = 0; seed < MutatedCount / 3; seed++)
        {
            var original = DocumentGenerator.Generate(FuzzSchema.Schema, 2_000_000 + seed);
            await pipeline.RunAsync(original with
            {
                Origin = $"generated document, seed {2_000_000 + seed}, mutated with seed {seed}, no parse limits",
                Source = DocumentMutator.Mutate(new Random(seed), original.Source),
            });
        }
    }

    private static string Describe(Dictionary<FuzzStage, int> reached) =>
        string.Join(", ", reached.Select(r => $"{r.Key}: {r.Value}"));
}
