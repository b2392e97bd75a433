using System.Text.Json;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Conformance;

/// <summary>
/// conformance/data.json as plain values (dictionaries, lists, strings, numbers, booleans, null), the same
/// shapes graphql-js sees after <c>JSON.parse</c>.
/// </summary>
public sealed class ConformanceData
{
    private ConformanceData(
        IReadOnlyDictionary<string, object?> root,
        IReadOnlyDictionary<string, object?> objects,
        IReadOnlyDictionary<string, string> resolvers)
    {
        Root = root;
        Objects = objects;
        Resolvers = resolvers;
    }

    /// <summary>The root value of every operation.</summary>
    public IReadOnlyDictionary<string, object?> Root { get; }

    /// <summary>Objects by id; composite-typed values stored as strings refer to these.</summary>
    public IReadOnlyDictionary<string, object?> Objects { get; }

    /// <summary>Resolver kind by <c>Type.field</c> or <c>Type.*</c>; other fields read a property.</summary>
    public IReadOnlyDictionary<string, string> Resolvers { get; }

    public static ConformanceData Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var all = (Dictionary<string, object?>)JsonValues.ToPlain(document.RootElement)!;
        var resolvers = ((Dictionary<string, object?>)all["resolvers"]!).ToDictionary(e => e.Key, e => (string)e.Value!);
        return new ConformanceData(
            (Dictionary<string, object?>)all["root"]!,
            (Dictionary<string, object?>)all["objects"]!,
            resolvers);
    }
}
