using System.Collections;
using System.Text.Json;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Http;

/// <summary>
/// What a result actually cost by the same measure as the requested cost: the objects it returned in lists.
/// A page that came back shorter than asked for costs less than was requested.
/// </summary>
internal static class ActualCost
{
    public static long Count(ResponseMap? data)
    {
        if (data is null) return 0;
        long count = 0;
        var pending = new Stack<(object? Value, bool InList)>();
        pending.Push((data, false));
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
                case JsonElement { ValueKind: JsonValueKind.Object } map:
                    if (inList) count++;
                    foreach (var property in map.EnumerateObject()) pending.Push((property.Value, false));
                    break;
                case JsonElement { ValueKind: JsonValueKind.Array } items:
                    foreach (var item in items.EnumerateArray()) pending.Push((item, true));
                    break;
                case JsonElement:
                    break;
                case IEnumerable items:
                    foreach (var item in items) pending.Push((item, true));
                    break;
            }
        }
        return count;
    }
}
