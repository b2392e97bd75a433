using System.Collections.Concurrent;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Execution;

/// <summary><see cref="ResolveContext.Items"/>: never null for a resolver, and free when the executor supplies it.</summary>
public sealed class ResolveContextItemsTests
{
    private static readonly GraphQLObjectType Query = new("Query", [new FieldDefinition("f", Scalars.String)]);
    private static readonly GraphQLSchema Schema = new(Query);
    private static readonly OperationDefinitionNode Operation =
        (OperationDefinitionNode)Parser.Parse("{ f }").Definitions[0];

    private static ResolveContext Context(ConcurrentDictionary<object, object?>? items = null) => items is null
        ? new ResolveContext { FieldDefinition = Query.GetField("f")!, ParentType = Query, Path = ResponsePath.Root("f"), Schema = Schema, Operation = Operation }
        : new ResolveContext { FieldDefinition = Query.GetField("f")!, ParentType = Query, Path = ResponsePath.Root("f"), Schema = Schema, Operation = Operation, Items = items };

    [Fact]
    public void A_context_given_the_requests_items_allocates_no_dictionary_of_its_own()
    {
        // The executor creates a context per resolved field and always hands it the request's dictionary.
        var shared = new ConcurrentDictionary<object, object?>();
        Context(shared);

        var context = AllocatedBytes(() => Context(shared));
        var emptyDictionary = AllocatedBytes(() => GC.KeepAlive(new ConcurrentDictionary<object, object?>()));

        Assert.True(context < emptyDictionary, $"a context took {context} bytes, an empty dictionary {emptyDictionary}");
    }

    [Fact]
    public void A_context_given_the_requests_items_uses_them()
    {
        var shared = new ConcurrentDictionary<object, object?>();

        Assert.Same(shared, Context(shared).Items);
    }

    [Fact]
    public void A_context_given_no_items_has_its_own_empty_dictionary_for_its_lifetime()
    {
        var context = Context();

        var items = context.Items;
        items["k"] = 1;

        Assert.Same(items, context.Items);
        Assert.NotSame(items, Context().Items);
        Assert.Empty(Context().Items);
    }

    private static long AllocatedBytes(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
