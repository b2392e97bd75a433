using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The query parameters each REST endpoint declares, read from the same API descriptions the OpenAPI
/// document is generated from, so the parameters an endpoint accepts and the ones it documents are one
/// list; with them, the value each one means when left out (<see cref="QueryDefaultAttribute"/>). An endpoint the
/// descriptions do not cover (none under /v1) accepts any parameter.
/// </summary>
public sealed class QueryParameterCatalog(IApiDescriptionGroupCollectionProvider descriptions)
{
    private readonly Lazy<FrozenDictionary<MethodInfo, Declared>> byHandler = new(() => Build(descriptions));
    private readonly ConcurrentDictionary<Endpoint, Declared?> byEndpoint = new();

    /// <summary>The declared query parameter names of <paramref name="endpoint"/> in declaration order, or null when unknown.</summary>
    public IReadOnlyList<string>? Of(Endpoint endpoint) => Find(endpoint)?.Names;

    /// <summary>
    /// The parameters of <paramref name="endpoint"/> that declare a default, by name (in any case), with that default; null
    /// when the endpoint is unknown.
    /// </summary>
    public IReadOnlyDictionary<string, string>? DefaultsOf(Endpoint endpoint) => Find(endpoint)?.Defaults;

    private Declared? Find(Endpoint endpoint) =>
        byEndpoint.GetOrAdd(endpoint, e => e.Metadata.GetMetadata<MethodInfo>() is { } handler
                                           && byHandler.Value.TryGetValue(handler, out var declared) ? declared : null);

    /// <summary>
    /// The first query parameter of the request that <paramref name="endpoint"/> does not declare, or that is given more
    /// than once, as a 400 to answer with. Model binding would join a repeated parameter's values with commas, so
    /// <c>sector=compute&amp;sector=compute</c> would be refused as the one value 'compute,compute'.
    /// </summary>
    public InvalidParameterException? FindRefused(HttpRequest request, Endpoint endpoint)
    {
        if (request.Query.Count == 0 || Of(endpoint) is not { } known)
            return null;
        foreach (var name in request.Query.Keys)
        {
            // Model binding matches query names without regard to case, so asof= has always worked (and asof=1&asOf=1
            // is one parameter given twice).
            if (known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                if (request.Query[name] is { Count: > 1 } given)
                    return Repeated(name, given);
                continue;
            }
            // Every name is a few edits from an empty one: a suggestion for it would be any short name, and noise.
            var suggestion = known.Count == 0 || name.Length == 0 ? null : NearestNames.Nearest(name, known);
            var list = known.Count == 0 ? "none" : string.Join(", ", known);
            var (value, values) = Sent(request.Query[name]);
            return new InvalidParameterException(name, known.Count == 0 ? "no query parameters" : "one of " + list, value,
                (name.Length == 0
                    ? "The query string has a parameter with no name (an '=' with nothing before it)"
                    : $"This endpoint has no query parameter '{name}'")
                + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")
                + (known.Count == 0 ? "; it takes none." : $"{(suggestion is null ? "." : "")} Its query parameters are: {list}."))
            {
                ProblemType = "unknown-parameter",
                Known = known,
                Suggestion = suggestion,
                Values = values,
            };
        }
        return null;
    }

    private static InvalidParameterException Repeated(string name, StringValues values) =>
        new(name, "the parameter once (a list is one comma-separated value, e.g. project=helium,akash)", null,
            $"The parameter '{name}' is given {values.Count} times ({string.Join(", ", values.Select(v => $"'{v}'"))}); expected it once " +
            "(a list is one comma-separated value, e.g. project=helium,akash).")
        { Values = Sent(values).Values };

    /// <summary>
    /// What a refused query parameter was given, for its problem: its one value, or, when it was given more than once,
    /// each value as sent (and no one value: joined, <c>limit=5&amp;limit=5</c> would read as "5,5", which nobody sent).
    /// </summary>
    public static (string? Value, IReadOnlyList<string>? Values) Sent(StringValues values) =>
        values.Count > 1 ? (null, [.. values.Select(v => v ?? "")]) : (values.ToString(), null);

    private static FrozenDictionary<MethodInfo, Declared> Build(IApiDescriptionGroupCollectionProvider descriptions)
    {
        var map = new Dictionary<MethodInfo, Declared>();
        foreach (var description in descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items))
        {
            if (description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
                continue;
            var query = description.ParameterDescriptions.Where(p => p.Source == BindingSource.Query).ToList();
            // An [AsParameters] property is described by a ParameterInfo that carries the property's attributes.
            var defaults = query
                .Select(p => (p.Name, Default: (p.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo
                    .GetCustomAttribute<QueryDefaultAttribute>()?.Value))
                .Where(p => p.Default is not null)
                .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(p => p.Name, p => p.Default!, StringComparer.OrdinalIgnoreCase);
            map[handler] = new Declared(query.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), defaults);
        }
        return map.ToFrozenDictionary();
    }

    private sealed record Declared(string[] Names, FrozenDictionary<string, string> Defaults);
}
