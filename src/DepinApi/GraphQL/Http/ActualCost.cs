using System.Collections;
using System.Text.Json;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// What a result actually cost by the same measure as the requested cost: the objects it returned in lists, and for
/// each introspection root field (<c>__schema</c>, <c>__type</c>) every object it returned, at the rate it is charged
/// (<see cref="GraphQLApiOptions.IntrospectionObjectsPerPoint"/>). A page that came back shorter than asked for costs
/// less than was requested.
/// </summary>
internal static class ActualCost
{
    /// <param name="data">The result's data.</param>
    /// <param name="introspectionKeys">The response keys of the operation's introspection root fields.</param>
    /// <param name="introspectionObjectsPerPoint">Their rate; 0 when introspection is free.</param>
    public static long Count(ResponseMap? data, IReadOnlySet<string> introspectionKeys, int introspectionObjectsPerPoint)
    {
        if (data is null) return 0;
        long count = 0;
        var pending = new Stack<(object? Value, bool InList)>();
        foreach (var (key, value) in data)
        {
            if (!introspectionKeys.Contains(key))
                pending.Push((value, false));
            else if (introspectionObjectsPerPoint > 0 && Objects(value) is var objects and > 0)
                count += (objects + introspectionObjectsPerPoint - 1) / introspectionObjectsPerPoint;
        }
        while (pending.Count > 0)
        {
            var (value, inList) = pending.Pop();
            switch (value)
            {
                case ResponseMap map:
                    if (inList) count++;
                    foreach (var (_, child) in map) pending.Push((child, false));
                    break;
                case string or null:
                    break;
                // A compiled result's values, as Postgres built them.
                case RawJson json:
                    count += Count(json.Utf8.Span, inList);
                    break;
                case IEnumerable items:
                    foreach (var item in items) pending.Push((item, true));
                    break;
            }
        }
        return count;
    }

    // Every object of an introspection answer, as IntrospectionCounter counts them.
    private static long Objects(object? value) => value switch
    {
        ResponseMap map => 1 + map.Sum(p => Objects(p.Value)),
        string or null => 0,
        IEnumerable items => items.Cast<object?>().Sum(Objects),
        _ => 0,
    };

    // Read through once: an object counts when the value holding it is a list (the root's holder is given). Compiled
    // JSON nests at most as deep as the document's selections (the depth limit), far under the reader's 64 levels.
    private static long Count(ReadOnlySpan<byte> json, bool rootInList)
    {
        long count = 0;
        var reader = new Utf8JsonReader(json);
        // Whether the container at each depth is an array, for the objects directly inside it.
        Span<bool> isArray = stackalloc bool[MaxJsonDepth + 1];
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var depth = reader.CurrentDepth;
                if (depth == 0 ? rootInList : isArray[depth - 1]) count++;
                isArray[depth] = false;
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                isArray[reader.CurrentDepth] = true;
            }
        }
        return count;
    }

    // Utf8JsonReader's default limit.
    private const int MaxJsonDepth = 64;
}
