using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Conformance;

/// <summary>
/// The generic resolvers of the conformance schema, mirroring conformance/lib/behaviour.mjs: every field
/// is a deterministic function of conformance/data.json and its arguments.
/// </summary>
public sealed class DataResolvers(ConformanceData data)
{
    /// <summary>Resolves any field of the conformance schema.</summary>
    public ValueTask<object?> ResolveField(ResolveContext context)
    {
        var parent = context.ParentType.Name;
        var kind = data.Resolvers.GetValueOrDefault($"{parent}.{context.FieldName}")
            ?? data.Resolvers.GetValueOrDefault($"{parent}.*")
            ?? "property";
        var value = ResolveRaw(kind, context);
        var isComposite = context.ReturnType.GetNamedType() is ICompositeType;
        return ValueTask.FromResult(Dereference(value, isComposite));
    }

    /// <summary>Abstract types resolve through the <c>__typename</c> property of the data objects.</summary>
    public static string? ResolveType(object? value) =>
        ObjectEntries.Get(value, "__typename") as string;

    private static object? ResolveRaw(string kind, ResolveContext context)
    {
        var separator = kind.IndexOf(':');
        var name = separator < 0 ? kind : kind[..separator];
        var parameter = separator < 0 ? "" : kind[(separator + 1)..];
        switch (name)
        {
            case "property":
                return Property(context.Source, context.FieldName);
            case "echo":
                return JsJson.Stringify(context.Arguments, sortKeys: true);
            case "byId":
                return context.Arguments.GetValueOrDefault("id");
            case "arg":
                return context.Arguments.GetValueOrDefault(parameter);
            case "slice":
                return Slice(Property(context.Source, context.FieldName), context.Arguments.GetValueOrDefault(parameter));
            case "throw":
                throw new InvalidOperationException($"{context.ParentType.Name}.{context.FieldName} failed");
            default:
                throw new InvalidOperationException($"Unknown resolver kind {kind}");
        }
    }

    private static object? Property(object? source, string name)
    {
        var value = ObjectEntries.Get(source, name);
        return Undefined.Is(value) ? null : value;
    }

    private static object? Slice(object? listValue, object? count)
    {
        if (listValue is not List<object?> list || count is null) return listValue;
        var take = (int)Math.Max(0, JsNumber.ToDouble(count) ?? 0);
        return list.Take(take).ToList();
    }

    // Composite-typed values stored as strings are ids into the objects table; lists resolve item by item.
    private object? Dereference(object? value, bool isComposite)
    {
        if (!isComposite) return value;
        return value switch
        {
            string id => data.Objects.GetValueOrDefault(id),
            List<object?> list => list.Select(item => Dereference(item, true)).ToList(),
            _ => value,
        };
    }
}
