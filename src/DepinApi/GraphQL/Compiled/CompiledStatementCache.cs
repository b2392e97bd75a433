using DepinApi.GraphQL.Execution;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using Microsoft.Extensions.Caching.Memory;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// The statement each document and variables compile to, or that they do not compile, remembered so that a client's
/// fixed queries are resolved and compiled once rather than per request. The statement depends only on the document,
/// the operation name and the variables (never on the data), so an entry never goes stale; the least used ones are
/// dropped beyond <see cref="Capacity"/>.
/// </summary>
/// <param name="cursors">Opens the <c>after</c> cursors a statement binds: one key per process, so decoding one at
/// compile time never goes stale either.</param>
internal sealed class CompiledStatementCache(CursorCodec cursors) : IDisposable
{
    /// <summary>How many documents with their variables are remembered.</summary>
    public const int Capacity = 512;

    // Variables longer than this are rare and would make large keys: such requests are compiled each time.
    private const int MaxCachedVariablesLength = 4 * 1024;

    private static readonly object NotCompiled = new();

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The compiled statement of <paramref name="request"/>; null when it does not compile.</summary>
    public CompiledStatement? Get(GraphQLRequestContext context, ExecutionRequest request)
    {
        var variables = context.Request.Variables?.GetRawText() ?? "";
        if (variables.Length > MaxCachedVariablesLength) return Compile(request);

        var key = new Key(context.Request.Query, context.Request.OperationName, variables);
        if (entries.TryGetValue(key, out var known)) return known as CompiledStatement;
        var compiled = Compile(request);
        entries.Set(key, (object?)compiled ?? NotCompiled, new MemoryCacheEntryOptions { Size = 1 });
        return compiled;
    }

    private CompiledStatement? Compile(ExecutionRequest request)
    {
        if (OperationSelection.TryCreate(request) is not { } selection) return null;
        var (prepared, _) = PreparedOperation.For(request);
        if (prepared is null) return null;
        try
        {
            // Found as the resolvers find it, skipped fields included; root fields that disagree never get here
            // (AsOfConflictGuard fails the request before it runs).
            var asOf = RequestAsOf.Find(prepared.Operation, prepared.Fragments, selection.Variables);
            return CompiledStatement.TryCompile(selection, asOf, cursors);
        }
        catch (GraphQLError)
        {
            // A request error or a field error (a null @skip or @include condition): the resolvers answer it, with the
            // error where graphql-js puts it and null in its place.
            return null;
        }
    }

    public void Dispose() => entries.Dispose();

    private sealed record Key(string Query, string? OperationName, string Variables);
}
