namespace GraphQLEngine.Type;

/// <summary>What <see cref="ObjectTypeBuilder{TSource}"/> and <see cref="InterfaceTypeBuilder{TSource}"/> share.</summary>
public abstract class FieldsBuilder<TSource, TSelf> where TSelf : FieldsBuilder<TSource, TSelf>
{
    private readonly List<FieldBuilder<TSource>> _fields = [];
    private readonly List<Func<GraphQLInterfaceType>> _interfaces = [];

    private protected FieldsBuilder(string name)
    {
        Name = NameValidator.AssertName(name);
    }

    protected string Name { get; }

    protected string? TypeDescription { get; private set; }

    protected Dictionary<string, object?> TypeMetadata { get; } = [];

    public TSelf Description(string? description)
    {
        TypeDescription = description;
        return (TSelf)this;
    }

    public TSelf Metadata(string key, object? value)
    {
        TypeMetadata[key] = value;
        return (TSelf)this;
    }

    /// <summary>Declares implemented interfaces.</summary>
    public TSelf Implements(params GraphQLInterfaceType[] interfaces)
    {
        foreach (var iface in interfaces) _interfaces.Add(() => iface);
        return (TSelf)this;
    }

    /// <summary>Declares an implemented interface that is constructed later.</summary>
    public TSelf Implements(Func<GraphQLInterfaceType> lazyInterface)
    {
        _interfaces.Add(lazyInterface);
        return (TSelf)this;
    }

    /// <summary>Adds a field of an already constructed type.</summary>
    public TSelf Field(string name, GraphQLType type, Action<FieldBuilder<TSource>>? configure = null) =>
        Field(name, () => type, configure);

    /// <summary>Adds a field whose type is looked up when the fields are first needed (for recursive or later-built types).</summary>
    public TSelf Field(string name, Func<GraphQLType> type, Action<FieldBuilder<TSource>>? configure = null)
    {
        var field = new FieldBuilder<TSource>(name, type);
        configure?.Invoke(field);
        _fields.Add(field);
        return (TSelf)this;
    }

    private protected Func<IEnumerable<FieldDefinition>> FieldsThunk()
    {
        var fields = _fields.ToList();
        return () => fields.Select(f => f.Build());
    }

    private protected Func<IEnumerable<GraphQLInterfaceType>> InterfacesThunk()
    {
        var interfaces = _interfaces.ToList();
        return () => interfaces.Select(i => i());
    }
}
