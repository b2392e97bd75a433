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
                case JsonElement element:
                    count += Count(element, inList);
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

    // On a stack of its own: kept on the stack above, every value of the JSON (hundreds in a compiled list) was boxed.
    // Scalars add nothing, so only objects and arrays are kept for later.
    private static long Count(JsonElement root, bool rootInList)
    {
        long count = 0;
        var pending = new Stack<(JsonElement Value, bool InList)>();
        pending.Push((root, rootInList));
        while (pending.TryPop(out var top))
        {
            var (value, inList) = top;
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (inList) count++;
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        pending.Push((property.Value, false));
                }
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        pending.Push((item, true));
                }
            }
        }
        return count;
    }
}
