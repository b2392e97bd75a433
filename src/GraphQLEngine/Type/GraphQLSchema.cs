using System.Collections.Concurrent;
using GraphQLEngine.Language;

namespace GraphQLEngine.Type;

/// <summary>
/// A schema (graphql-js's <c>GraphQLSchema</c>): root operation types, directives, and the map of every
/// named type reachable from them, from <c>types</c>, from directive arguments and from introspection.
/// Construction collects the type map and fails on two distinct types with one name; the rest of the
/// rules are checked by <see cref="Validate"/> (<see cref="SchemaValidator"/>).
/// </summary>
public sealed class GraphQLSchema
{
    private readonly OrderedDictionary<string, GraphQLNamedType> _typeMap = new();
    private readonly Dictionary<string, (List<GraphQLObjectType> Objects, List<GraphQLInterfaceType> Interfaces)> _implementations = new();
    private readonly ConcurrentDictionary<string, HashSet<string>> _subTypes = new();
    private IReadOnlyList<SchemaValidationError>? _validationErrors;

    /// <param name="query">Query root type; required by validation, but may be null (e.g. while assembling).</param>
    /// <param name="mutation">Mutation root type, if any.</param>
    /// <param name="subscription">Subscription root type, if any.</param>
    /// <param name="types">Types to include even if no root reaches them (e.g. implementations of an interface); their order is kept.</param>
    /// <param name="directives">Directives; <see cref="GraphQLDirective.SpecifiedDirectives"/> when null.</param>
    /// <param name="description">Schema description.</param>
    /// <exception cref="InvalidOperationException">Two distinct types share a name.</exception>
    public GraphQLSchema(
        GraphQLObjectType? query,
        GraphQLObjectType? mutation = null,
        GraphQLObjectType? subscription = null,
        IEnumerable<GraphQLNamedType>? types = null,
        IEnumerable<GraphQLDirective>? directives = null,
        string? description = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Directives = (directives ?? GraphQLDirective.SpecifiedDirectives).ToList();
        Description = description;

        foreach (var namedType in ReferencedTypes.Collect(query, mutation, subscription, types?.ToList() ?? [], Directives))
        {
            if (!_typeMap.TryAdd(namedType.Name, namedType))
            {
                throw new InvalidOperationException(
                    $"Schema must contain uniquely named types but contains multiple types named \"{namedType.Name}\".");
            }
            if (namedType is GraphQLImplementingType implementing)
            {
                foreach (var iface in implementing.GetInterfaces())
                {
                    if (!_implementations.TryGetValue(iface.Name, out var entry))
                    {
                        entry = ([], []);
                        _implementations[iface.Name] = entry;
                    }
                    if (namedType is GraphQLInterfaceType interfaceType) entry.Interfaces.Add(interfaceType);
                    else entry.Objects.Add((GraphQLObjectType)namedType);
                }
            }
        }
    }

    public string? Description { get; }

    public GraphQLObjectType? QueryType { get; }

    public GraphQLObjectType? MutationType { get; }

    public GraphQLObjectType? SubscriptionType { get; }

    public IReadOnlyList<GraphQLDirective> Directives { get; }

    /// <summary>Free-form information for the application (graphql-js's <c>extensions</c>).</summary>
    public IDictionary<string, object?> Metadata { get; init; } = new Dictionary<string, object?>();

    /// <summary>Every named type by name, in collection order (user types first, then root-reachable ones, directive argument types, introspection types).</summary>
    public IReadOnlyDictionary<string, GraphQLNamedType> TypeMap => _typeMap;

    /// <summary>The root type for an operation kind, or null when the schema has none.</summary>
    public GraphQLObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        OperationType.Subscription => SubscriptionType,
        _ => null,
    };

    /// <summary>The named type called <paramref name="name"/>, or null.</summary>
    public GraphQLNamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    /// <summary>The directive called <paramref name="name"/>, or null.</summary>
    public GraphQLDirective? GetDirective(string name) => Directives.FirstOrDefault(d => d.Name == name);

    /// <summary>Object types a value of <paramref name="abstractType"/> can be: union members, or objects implementing the interface.</summary>
    public IReadOnlyList<GraphQLObjectType> GetPossibleTypes(IAbstractType abstractType) => abstractType switch
    {
        GraphQLUnionType union => union.GetTypes(),
        GraphQLInterfaceType iface => GetImplementations(iface).Objects,
        _ => [],
    };

    /// <summary>Objects and interfaces in this schema that declare they implement <paramref name="interfaceType"/>.</summary>
    public InterfaceImplementations GetImplementations(GraphQLInterfaceType interfaceType) =>
        _implementations.TryGetValue(interfaceType.Name, out var entry)
            ? new InterfaceImplementations(entry.Objects, entry.Interfaces)
            : InterfaceImplementations.None;

    /// <summary>
    /// Whether <paramref name="maybeSubType"/> is a member of the union, or an object or interface
    /// implementing the interface <paramref name="abstractType"/>.
    /// </summary>
    public bool IsSubType(IAbstractType abstractType, ICompositeType maybeSubType)
    {
        var names = _subTypes.GetOrAdd(abstractType.Name, _ => abstractType switch
        {
            GraphQLUnionType union => union.GetTypes().Select(t => t.Name).ToHashSet(),
            GraphQLInterfaceType iface => GetImplementations(iface) is var impl
                ? impl.Objects.Select(t => t.Name).Concat(impl.Interfaces.Select(t => t.Name)).ToHashSet()
                : [],
            _ => [],
        });
        return names.Contains(maybeSubType.Name);
    }

    /// <summary>The rule violations of this schema (empty when valid); computed once. See <see cref="SchemaValidator"/>.</summary>
    public IReadOnlyList<SchemaValidationError> Validate() => _validationErrors ??= SchemaValidator.Validate(this);

    /// <summary>Throws <see cref="GraphQLSchemaValidationException"/> unless <see cref="Validate"/> finds nothing.</summary>
    public void AssertValid()
    {
        var errors = Validate();
        if (errors.Count != 0) throw new GraphQLSchemaValidationException(errors);
    }
}
