using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// Everything a <see cref="FieldResolver"/> gets for one field of one parent value: graphql-js's resolver
/// arguments <c>(source, args, context, info)</c> in one object. The executor creates one per field
/// invocation; tests and applications may create them too.
/// </summary>
public sealed class ResolveContext
{
    /// <summary>The parent value: the root value for root fields, otherwise what the parent field resolved to.</summary>
    public object? Source { get; init; }

    /// <summary>Coerced argument values by name (defaults applied, omitted optional arguments absent).</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = EmptyValues;

    /// <summary>The field being resolved.</summary>
    public required FieldDefinition FieldDefinition { get; init; }

    /// <summary>The field's name in the schema (not its alias).</summary>
    public string FieldName => FieldDefinition.Name;

    /// <summary>The field's type.</summary>
    public GraphQLType ReturnType => FieldDefinition.Type;

    /// <summary>All field nodes of the document merged under this response key.</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; init; } = [];

    /// <summary>The object type that owns the field.</summary>
    public required GraphQLObjectType ParentType { get; init; }

    /// <summary>Where the field's value goes in the response.</summary>
    public required ResponsePath Path { get; init; }

    public required GraphQLSchema Schema { get; init; }

    /// <summary>The operation being executed.</summary>
    public required OperationDefinitionNode Operation { get; init; }

    /// <summary>The document's fragment definitions by name.</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; init; } = ReadOnlyDictionary<string, FragmentDefinitionNode>.Empty;

    /// <summary>Coerced variable values by name.</summary>
    public IReadOnlyDictionary<string, object?> VariableValues { get; init; } = EmptyValues;

    /// <summary>The value the operation's root fields were resolved against.</summary>
    public object? RootValue { get; init; }

    /// <summary>Application state for the whole request (graphql-js's <c>contextValue</c>).</summary>
    public object? UserContext { get; init; }

    /// <summary>The request's DI scope, when the host has one.</summary>
    public IServiceProvider? RequestServices { get; init; }

    /// <summary>Cancelled when the request is aborted or times out.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Per-request storage shared by all resolvers of one execution (e.g. DataLoader instances). The
    /// executor passes the same instance to every context of a request; resolvers may run concurrently.
    /// A context created without one gets its own empty dictionary on first use.
    /// </summary>
    public ConcurrentDictionary<object, object?> Items
    {
        // Created on first use rather than by an initializer, which would allocate a dictionary for every
        // context the executor creates only to replace it with the request's own at once.
        get => _items ?? Interlocked.CompareExchange(ref _items, new ConcurrentDictionary<object, object?>(), null) ?? _items;
        init => _items = value;
    }

    private ConcurrentDictionary<object, object?>? _items;

    /// <summary>Whether an argument value is present (given, or filled from its default).</summary>
    public bool HasArgument(string name) => Arguments.ContainsKey(name);

    /// <summary>
    /// An argument converted to <typeparamref name="T"/>; <paramref name="defaultValue"/> when absent or null.
    /// Numbers convert between CLR numeric types, lists to arrays/lists of the element type; see <see cref="ArgumentConverter"/>.
    /// </summary>
    /// <exception cref="InvalidCastException">The value cannot be converted to <typeparamref name="T"/>.</exception>
    public T? GetArgument<T>(string name, T? defaultValue = default) =>
        Arguments.TryGetValue(name, out var value) && value is not null
            ? (T?)ArgumentConverter.Convert(value, typeof(T))
            : defaultValue;

    private static readonly IReadOnlyDictionary<string, object?> EmptyValues = new Dictionary<string, object?>();
}
