using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Execution;

/// <summary>Runs documents and renders results as the JSON graphql-js's <c>JSON.stringify(await execute(…))</c> prints.</summary>
internal static class ExecutionTestKit
{
    public static Task<ExecutionResult> Execute(
        GraphQLSchema schema,
        string query,
        object? variables = null,
        object? rootValue = null,
        string? operationName = null,
        ExecutionOptions? options = null,
        object? userContext = null) =>
        Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = Parser.Parse(query),
            VariableValues = variables,
            RootValue = rootValue,
            OperationName = operationName,
            Options = options ?? ExecutionOptions.Default,
            UserContext = userContext,
        });

    public static async Task<string> ExecuteJson(
        GraphQLSchema schema,
        string query,
        object? variables = null,
        object? rootValue = null,
        string? operationName = null,
        ExecutionOptions? options = null) =>
        ExecutionResultWriter.ToJson(await Execute(schema, query, variables, rootValue, operationName, options));

    /// <summary>A resolver returning a fixed value synchronously.</summary>
    public static FieldResolver Value(object? value) => _ => ValueTask.FromResult(value);

    /// <summary>A resolver computing its value synchronously.</summary>
    public static FieldResolver Sync(Func<ResolveContext, object?> resolve) => context => ValueTask.FromResult(resolve(context));

    /// <summary>A resolver that yields before producing its value, so it completes asynchronously.</summary>
    public static FieldResolver Async(Func<ResolveContext, object?> resolve) => async context =>
    {
        await Task.Yield();
        return resolve(context);
    };

    public static FieldResolver Throws(Exception exception) => _ => throw exception;

    public static FieldResolver ThrowsAsync(Exception exception) => async _ =>
    {
        await Task.Yield();
        throw exception;
    };

    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
