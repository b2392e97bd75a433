using GraphQLEngine.Execution;

namespace GraphQLEngine.Type;

/// <summary>
/// Configures one field of an <see cref="ObjectTypeBuilder{TSource}"/> or <see cref="InterfaceTypeBuilder{TSource}"/>.
/// Resolvers receive the parent value already cast to <typeparamref name="TSource"/>.
/// </summary>
/// <typeparam name="TSource">CLR type of the parent values of this field.</typeparam>
public sealed class FieldBuilder<TSource>
{
    private readonly string _name;
    private readonly Func<GraphQLType> _type;
    private readonly List<ArgumentDefinition> _args = [];
    private readonly Dictionary<string, object?> _metadata = [];
    private string? _description;
    private string? _deprecationReason;
    private FieldResolver? _resolver;
    private FieldResolver? _subscriber;

    internal FieldBuilder(string name, Func<GraphQLType> type)
    {
        _name = NameValidator.AssertName(name);
        _type = type;
    }

    public FieldBuilder<TSource> Description(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Marks the field deprecated (<c>@deprecated</c>, with the default reason when none is given).</summary>
    public FieldBuilder<TSource> Deprecated(string? reason = null)
    {
        _deprecationReason = reason ?? GraphQLDirective.DefaultDeprecationReason;
        return this;
    }

    /// <summary>Adds an argument; <paramref name="defaultValue"/> is an internal value (omit it for "no default").</summary>
    public FieldBuilder<TSource> Argument(string name, GraphQLType type, string? description = null, object? defaultValue = null,
        string? deprecationReason = null)
        => Argument(new ArgumentDefinition(name, type)
        {
            Description = description,
            DefaultValue = defaultValue ?? Undefined.Value,
            DeprecationReason = deprecationReason,
        });

    /// <summary>Adds a fully configured argument (e.g. one whose default value is null).</summary>
    public FieldBuilder<TSource> Argument(ArgumentDefinition argument)
    {
        _args.Add(argument);
        return this;
    }

    /// <summary>Attaches application information (e.g. a cost) to the field's <see cref="FieldDefinition.Metadata"/>.</summary>
    public FieldBuilder<TSource> Metadata(string key, object? value)
    {
        _metadata[key] = value;
        return this;
    }

    /// <summary>Resolves from the parent value alone.</summary>
    public FieldBuilder<TSource> Resolve(Func<TSource, object?> resolve) =>
        Resolver(context => ValueTask.FromResult(resolve(SourceOf(context))));

    /// <summary>Resolves from the parent value and the context (arguments, services, …).</summary>
    public FieldBuilder<TSource> Resolve(Func<TSource, ResolveContext, object?> resolve) =>
        Resolver(context => ValueTask.FromResult(resolve(SourceOf(context), context)));

    /// <summary>Resolves asynchronously.</summary>
    public FieldBuilder<TSource> ResolveAsync<TResult>(Func<TSource, ResolveContext, Task<TResult>> resolve) =>
        Resolver(async context => await resolve(SourceOf(context), context).ConfigureAwait(false));

    /// <summary>Uses a raw resolver.</summary>
    public FieldBuilder<TSource> Resolver(FieldResolver resolver)
    {
        _resolver = resolver;
        return this;
    }

    /// <summary>For subscription root fields: the resolver producing the event stream.</summary>
    public FieldBuilder<TSource> Subscribe(FieldResolver subscriber)
    {
        _subscriber = subscriber;
        return this;
    }

    internal FieldDefinition Build() => new(_name, _type())
    {
        Description = _description,
        DeprecationReason = _deprecationReason,
        Args = _args,
        Resolver = _resolver,
        Subscriber = _subscriber,
        Metadata = new Dictionary<string, object?>(_metadata),
    };

    private static TSource SourceOf(ResolveContext context) => context.Source switch
    {
        TSource source => source,
        null => default!,
        var other => throw new InvalidCastException(
            $"Field \"{context.ParentType.Name}.{context.FieldName}\" expected a parent value of type {typeof(TSource).Name} but got {other.GetType().Name}."),
    };
}
