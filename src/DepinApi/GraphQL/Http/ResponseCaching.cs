using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DepinApi.Database;
using DepinApi.GraphQL.Execution;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Execution;
using GraphQLEngine.Http;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;
using Microsoft.Extensions.Options;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// Decides whether a GraphQL response may be cached and says so in its headers: a successful result depends only on
/// the schema, the document, the variables and the data version, so it gets an ETag made of those and, over GET,
/// <c>Cache-Control: public</c> for shared caches and CDNs. A result with errors, or one that reports the caller's
/// own rate-limit budget, is <c>no-store</c>.
/// </summary>
internal static class ResponseCaching
{
    private static readonly object CacheableKey = new();
    private static readonly ConditionalWeakTable<GraphQLSchema, string> Fingerprints = new();

    /// <summary>Whether <see cref="Describe"/> found the response cacheable (read by the output-cache policy).</summary>
    public static bool IsCacheable(HttpContext http) => http.Items.ContainsKey(CacheableKey);

    public static void Describe(GraphQLRequestContext context, ExecutionResult result)
    {
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        var cacheable = result is { HasData: true, Errors.Count: 0 } && context.Document is { } document && !AsksForCallerState(document);
        if (!cacheable)
        {
            headers.CacheControl = "no-store";
            return;
        }

        http.Items[CacheableKey] = true;
        var version = (context.UserContext as GraphQLRequestState)?.VersionRead
                      ?? http.RequestServices.GetService<DataVersionTracker>()?.Current?.Id;
        DescribeTagged(context, Tag(context, version));
    }

    /// <summary>
    /// The tag a result of this request would carry if it were read from the current data version, known before it is
    /// executed: null when no version is known or the result would not be cacheable whatever it held (it reports the
    /// caller's budget). Execution would read the current version unless an <c>asOf</c> names another, and then its
    /// tag names that one and differs from this: a client holding this tag holds the answer execution would give.
    /// </summary>
    public static string? TagBeforeExecution(GraphQLRequestContext context)
    {
        if (context.Document is not { } document || AsksForCallerState(document)) return null;
        return context.HttpContext.RequestServices.GetService<DataVersionTracker>()?.Current?.Id is { } version
            ? Tag(context, version)
            : null;
    }

    /// <summary>The headers of a response tagged <paramref name="etag"/>, a 200 or its 304 alike.</summary>
    public static void DescribeTagged(GraphQLRequestContext context, string etag)
    {
        var http = context.HttpContext;
        http.Response.Headers.ETag = etag;
        // The body is compressed when asked; the output cache keeps these headers before the response starts, and its 304
        // repeats them.
        ContentCodingVary.Declare(http.Response);
        var seconds = http.RequestServices.GetRequiredService<IOptions<GraphQLApiOptions>>().Value.CacheSeconds;
        http.Response.Headers.CacheControl = context.Request.IsGet && seconds > 0 ? $"public, max-age={seconds}" : "no-cache";
    }

    // Made of what decides the result: the data version read, the schema, the document, the operation, the variables
    // and the media type.
    private static string Tag(GraphQLRequestContext context, object? version) => $"W/\"{version}-{Fingerprint(context)}\"";

    /// <summary>The <c>rateLimit</c> field reports the caller's own budget: such a response is nobody else's.</summary>
    // Indexed loops rather than LINQ: run for every response, and its lambdas and enumerators were allocated each time.
    private static bool AsksForCallerState(DocumentNode document)
    {
        var definitions = document.Definitions;
        for (var i = 0; i < definitions.Count; i++)
        {
            if (definitions[i] is ExecutableDefinitionNode executable && Selects(executable.SelectionSet, "rateLimit"))
                return true;
        }
        return false;
    }

    private static bool Selects(SelectionSetNode? selectionSet, string fieldName)
    {
        if (selectionSet is null) return false;
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var selects = selections[i] switch
            {
                FieldNode field => field.Name.Value == fieldName || Selects(field.SelectionSet, fieldName),
                InlineFragmentNode inline => Selects(inline.SelectionSet, fieldName),
                _ => false,
            };
            if (selects) return true;
        }
        return false;
    }

    // The SHA-256 of the parts joined by NUL characters, as UTF-8: the same value as hashing the joined text, without
    // building it and its encoded copy for every response (ThreadHashes).
    private static string Fingerprint(GraphQLRequestContext context)
    {
        var schema = Fingerprints.GetValue(context.Schema, s => Hash(SchemaPrinter.PrintSchema(s)));
        var request = context.Request;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        ThreadHashes.Sha256([schema, request.Query, request.OperationName, request.Variables?.GetRawText(), context.ResponseMediaType],
            '\0', digest);
        return Convert.ToHexStringLower(digest[..12]);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}
