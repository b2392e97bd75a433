namespace GraphQLEngine.Type;

/// <summary>Builds the name-keyed, declaration-ordered collections the definitions expose.</summary>
internal static class DefinitionLists
{
    public static IReadOnlyList<T> EnsureUniqueNames<T>(IEnumerable<T> items, Func<T, string> name, string what)
    {
        var list = items.ToList();
        var seen = new HashSet<string>();
        foreach (var item in list)
        {
            if (!seen.Add(name(item))) throw new ArgumentException($"{what} \"{name(item)}\" is defined more than once.");
        }
        return list;
    }

    public static OrderedDictionary<string, T> ToOrderedMap<T>(IEnumerable<T> items, Func<T, string> name, string what)
    {
        var map = new OrderedDictionary<string, T>();
        foreach (var item in items)
        {
            if (!map.TryAdd(name(item), item)) throw new ArgumentException($"{what} \"{name(item)}\" is defined more than once.");
        }
        return map;
    }
}
