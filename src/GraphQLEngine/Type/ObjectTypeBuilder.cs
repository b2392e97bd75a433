using GraphQLEngine.Execution;

namespace GraphQLEngine.Type;

/// <summary>
/// Code-first construction of a <see cref="GraphQLObjectType"/> whose values are <typeparamref name="TSource"/>:
/// <code>
/// var query = new ObjectTypeBuilder&lt;Root&gt;("Query")
///     .Description("Entry points.")
///     .Field("hello", Scalars.String, f => f
///         .Argument("name", Scalars.String, defaultValue: "world")
///         .Resolve((root, ctx) => $"Hello {ctx.GetArgument&lt;string&gt;("name")}"))
///     .Field("me", () => userType, f => f.ResolveAsync((root, ctx) => users.CurrentAsync(ctx.CancellationToken)))
///     .Build();
/// </code>
/// Unless <typeparamref name="TSource"/> is <see cref="object"/>, the built type's <c>IsTypeOf</c> accepts exactly
/// values of <typeparamref name="TSource"/>, so interfaces and unions resolve without a type resolver.
/// </summary>
public sealed class ObjectTypeBuilder<TSource>(string name) : FieldsBuilder<TSource, ObjectTypeBuilder<TSource>>(name)
{
    private IsTypeOfPredicate? _isTypeOf = typeof(TSource) == typeof(object) ? null : (value, _) => value is TSource;

    /// <summary>Replaces the default <c>IsTypeOf</c> check.</summary>
    public ObjectTypeBuilder<TSource> IsTypeOf(Func<object?, bool> predicate)
    {
        _isTypeOf = (value, _) => predicate(value);
        return this;
    }

    /// <summary>Replaces the default <c>IsTypeOf</c> check with one that sees the resolve context.</summary>
    public ObjectTypeBuilder<TSource> IsTypeOf(Func<object?, ResolveContext, bool> predicate)
    {
        _isTypeOf = (value, context) => predicate(value, context);
        return this;
    }

    public GraphQLObjectType Build() => new(Name, FieldsThunk(), InterfacesThunk())
    {
        Description = TypeDescription,
        IsTypeOf = _isTypeOf,
        Metadata = new Dictionary<string, object?>(TypeMetadata),
    };
}
