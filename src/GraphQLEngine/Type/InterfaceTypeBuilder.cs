using GraphQLEngine.Execution;

namespace GraphQLEngine.Type;

/// <summary>
/// Code-first construction of a <see cref="GraphQLInterfaceType"/>; fields are declared as on
/// <see cref="ObjectTypeBuilder{TSource}"/>. Without <see cref="ResolveType(Func{object?, string?})"/> the executor
/// asks each implementation's <c>IsTypeOf</c>.
/// </summary>
public sealed class InterfaceTypeBuilder<TSource>(string name) : FieldsBuilder<TSource, InterfaceTypeBuilder<TSource>>(name)
{
    private TypeResolver? _resolveType;

    /// <summary>Names the object type of a value.</summary>
    public InterfaceTypeBuilder<TSource> ResolveType(Func<object?, string?> resolveType)
    {
        _resolveType = (value, _, _) => resolveType(value);
        return this;
    }

    /// <summary>Names the object type of a value, with access to the resolve context.</summary>
    public InterfaceTypeBuilder<TSource> ResolveType(Func<object?, ResolveContext, string?> resolveType)
    {
        _resolveType = (value, context, _) => resolveType(value, context);
        return this;
    }

    public GraphQLInterfaceType Build() => new(Name, FieldsThunk(), InterfacesThunk())
    {
        Description = TypeDescription,
        ResolveType = _resolveType,
        Metadata = new Dictionary<string, object?>(TypeMetadata),
    };
}
