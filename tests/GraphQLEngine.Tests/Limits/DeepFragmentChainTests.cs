using System.Text;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Limits;

/// <summary>
/// A chain of fragments, each spreading the next, nests the measuring walk once per fragment however flat the
/// document is. Without a token limit the chain can be longer than any stack: the operation is then refused with an
/// error, never a crash.
/// </summary>
public sealed class DeepFragmentChainTests
{
    private static DocumentNode FlatChain(int count)
    {
        var source = new StringBuilder("{ item { ...F0 } }");
        for (var i = 0; i < count; i++) source.Append($" fragment F{i} on Item {{ ...F{i + 1} }}");
        source.Append($" fragment F{count} on Item {{ child {{ name }} }}");
        return Parser.Parse(source.ToString(), new ParseOptions { MaxTokens = 0 });
    }

    [Fact]
    public void A_short_chain_is_measured_through()
    {
        var analysis = SmallStack.Run(() => QueryAnalyzer.Analyze(LimitsTestSchema.Schema, FlatChain(100)));

        Assert.True(analysis.IsAllowed);
        Assert.Equal(3, analysis.Depth);
    }

    [Fact]
    public void A_chain_longer_than_the_stack_can_follow_is_refused_with_an_error()
    {
        var analysis = SmallStack.Run(() => QueryAnalyzer.Analyze(LimitsTestSchema.Schema, FlatChain(20_000)));

        var error = Assert.Single(analysis.Errors);
        Assert.Equal(QueryAnalyzer.TooDeepToProcessMessage, error.Message);
        Assert.Equal(QueryLimitCodes.TooDeep, error.Extensions!["code"]);
    }

    [Fact]
    public void The_refusal_holds_with_every_limit_switched_off()
    {
        var noLimits = new QueryLimitOptions { MaxDepth = 0, MaxAliases = 0, MaxCost = 0, MaxPageSize = 0 };

        var analysis = SmallStack.Run(() => QueryAnalyzer.Analyze(LimitsTestSchema.Schema, FlatChain(20_000), options: noLimits));

        Assert.Equal(QueryAnalyzer.TooDeepToProcessMessage, Assert.Single(analysis.Errors).Message);
    }
}
