using System.Collections.Concurrent;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>Data loaders batch the loads of a whole wave of fields into one call, deterministically.</summary>
public class DataLoaderTests
{
    /// <summary>Records every batch call (the keys it got), whatever thread it runs on.</summary>
    private sealed class BatchLog
    {
        public ConcurrentQueue<int[]> Calls { get; } = new();

        public Func<IReadOnlyList<int>, CancellationToken, Task<IReadOnlyDictionary<int, Dictionary<string, object?>>>> Fetch(string prefix, bool yieldFirst) =>
            async (keys, _) =>
            {
                Calls.Enqueue(keys.ToArray());
                if (yieldFirst) await Task.Yield();
                return keys.ToDictionary(k => k, k => Map(("id", k), ("name", $"{prefix}{k}")));
            };
    }

    private static GraphQLSchema CreateSchema(BatchLog children, BatchLog grandchildren, bool asyncBatches, int? maxBatchSize = null)
    {
        var grandchild = new GraphQLObjectType("Grandchild", [new FieldDefinition("name", Scalars.String)]);
        var child = new GraphQLObjectType("Child",
        [
            new FieldDefinition("name", Scalars.String),
            new FieldDefinition("grandchild", grandchild)
            {
                Resolver = async c => await c
                    .GetDataLoader("grandchildById", grandchildren.Fetch("grandchild", asyncBatches))
                    .LoadAsync((int)((Dictionary<string, object?>)c.Source!)["id"]! + 1000),
            },
        ]);
        var parent = new GraphQLObjectType("Parent",
        [
            new FieldDefinition("id", Scalars.Int),
            new FieldDefinition("child", child)
            {
                Resolver = async c => await c
                    .GetDataLoader("childById", children.Fetch("child", asyncBatches), new DataLoaderOptions { MaxBatchSize = maxBatchSize })
                    .LoadAsync((int)((Dictionary<string, object?>)c.Source!)["id"]! % 50),
            },
        ]);
        return new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("parents", new GraphQLList(parent))
            {
                Resolver = Value(Enumerable.Range(0, 100).Select(i => Map(("id", i))).ToList()),
            },
            new FieldDefinition("slowParents", new GraphQLList(parent))
            {
                Resolver = async _ =>
                {
                    await Task.Delay(10);
                    return Enumerable.Range(0, 100).Select(i => Map(("id", i))).ToList();
                },
            },
        ]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_hundred_parents_load_their_children_in_one_batch(bool asyncBatches)
    {
        var children = new BatchLog();
        var schema = CreateSchema(children, new BatchLog(), asyncBatches);
        var result = await Execute(schema, "{ parents { id child { name } } }");

        Assert.Empty(result.Errors);
        var call = Assert.Single(children.Calls);
        // Keys are distinct: parents 0 and 50 share child 0.
        Assert.Equal(Enumerable.Range(0, 50), call);
        var parents = (object?[])result.Data!["parents"]!;
        Assert.Equal(100, parents.Length);
        Assert.Equal("child7", ((ResponseMap)((ResponseMap)parents[57]!)["child"]!)["name"]);
    }

    [Theory]
    [InlineData("{ parents { child { grandchild { name } } } }")]
    [InlineData("{ slowParents { child { grandchild { name } } } }")]
    [InlineData("{ a: parents { child { grandchild { name } } } b: slowParents { child { name } } }")]
    public async Task Two_nested_levels_take_two_batches(string query)
    {
        var children = new BatchLog();
        var grandchildren = new BatchLog();
        var result = await Execute(CreateSchema(children, grandchildren, asyncBatches: true), query);

        Assert.Empty(result.Errors);
        if (!query.Contains("b: slowParents")) Assert.Single(children.Calls);
        Assert.Single(grandchildren.Calls);
        Assert.Equal(Enumerable.Range(1000, 50), grandchildren.Calls.Single());
        Assert.Contains("\"grandchild\":{\"name\":\"grandchild1049\"}", ExecutionResultWriter.ToJson(result));
    }

    [Fact]
    public async Task Concurrent_executions_keep_their_own_loaders_and_batches()
    {
        var logs = Enumerable.Range(0, 20).Select(_ => new BatchLog()).ToArray();
        var results = await Task.WhenAll(logs.Select(log => Task.Run(() =>
            Execute(CreateSchema(log, new BatchLog(), asyncBatches: true), "{ parents { child { name } } }"))));
        Assert.All(results, result => Assert.Empty(result.Errors));
        Assert.All(logs, log => Assert.Equal(Enumerable.Range(0, 50), Assert.Single(log.Calls)));
    }

    [Fact]
    public async Task Splits_batches_at_the_maximum_size()
    {
        var children = new BatchLog();
        await Execute(CreateSchema(children, new BatchLog(), asyncBatches: false, maxBatchSize: 20), "{ parents { child { name } } }");
        Assert.Equal([20, 20, 10], children.Calls.Select(keys => keys.Length));
    }

    [Fact]
    public async Task A_failing_batch_fails_every_field_that_waited_on_it()
    {
        var item = new GraphQLObjectType("Item", [new FieldDefinition("name", Scalars.String)]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("items", new GraphQLList(item))
            {
                Args = [new ArgumentDefinition("ids", new GraphQLList(Scalars.Int))],
                Resolver = async c => await c
                    .GetDataLoader<int, object>("failing", (_, _) => throw new InvalidOperationException("database unavailable"))
                    .LoadManyAsync(c.GetArgument<int[]>("ids")!),
            },
            new FieldDefinition("one", item)
            {
                Resolver = async c => await c
                    .GetDataLoader<int, object>("failing", (_, _) => throw new InvalidOperationException("database unavailable"))
                    .LoadAsync(3),
            },
        ]));
        Assert.Equal(
            """{"errors":[{"message":"database unavailable","locations":[{"line":1,"column":3}],"path":["items"]},{"message":"database unavailable","locations":[{"line":1,"column":31}],"path":["one"]}],"data":{"items":null,"one":null}}""",
            await ExecuteJson(schema, "{ items(ids: [1, 2]) { name } one { name } }"));
    }

    [Fact]
    public async Task Keys_a_batch_function_leaves_out_load_as_null_and_primed_keys_are_not_fetched()
    {
        var registry = new DataLoaderRegistry();
        var calls = new List<int[]>();
        var loader = registry.GetOrAdd<int, string>("names", (keys, _) =>
        {
            calls.Add(keys.ToArray());
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 2).ToDictionary(k => k, k => $"n{k}"));
        });
        loader.Prime(5, "primed");
        var loads = new[] { loader.LoadAsync(1), loader.LoadAsync(2), loader.LoadAsync(1), loader.LoadAsync(5) };
        Assert.All(loads, load => Assert.False(load.IsCompleted && load != loads[3]));

        await registry.DispatchAsync();

        Assert.Equal(new List<string?> { "n1", null, "n1", "primed" }, await Task.WhenAll(loads));
        Assert.Equal([[1, 2]], calls);
        Assert.Same(loader, registry.GetOrAdd<int, string>("names", (_, _) => throw new InvalidOperationException()));
        Assert.Throws<InvalidOperationException>(() => registry.GetOrAdd<string, string>("names", (_, _) => throw new InvalidOperationException()));
    }

    [Fact]
    public async Task Loads_requested_after_real_io_are_still_dispatched()
    {
        var calls = 0;
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("value", Scalars.String)
            {
                Resolver = async c =>
                {
                    await Task.Delay(20);
                    return await c.GetDataLoader<int, string>("late", (keys, _) =>
                    {
                        Interlocked.Increment(ref calls);
                        return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"v{k}"));
                    }).LoadAsync(1);
                },
            },
        ]));
        Assert.Equal("""{"data":{"value":"v1"}}""", await ExecuteJson(schema, "{ value }"));
        Assert.Equal(1, calls);
    }
}
