namespace GraphQLEngine.Type;

/// <summary>Collects the named types a schema reaches, in graphql-js's order (see <c>collectReferencedTypes</c>).</summary>
internal static class ReferencedTypes
{
    public static IReadOnlyList<GraphQLNamedType> Collect(
        GraphQLObjectType? query,
        GraphQLObjectType? mutation,
        GraphQLObjectType? subscription,
        IReadOnlyList<GraphQLNamedType> types,
        IReadOnlyList<GraphQLDirective> directives)
    {
        // graphql-js seeds an insertion-ordered set with the given types, then removes and re-adds each
        // one before walking it, so given types keep their relative order with their dependencies after them.
        var set = new OrderedIdentitySet();
        foreach (var type in types) set.Add(type);
        foreach (var type in types)
        {
            set.Remove(type);
            Visit(type, set);
        }
        if (query is not null) Visit(query, set);
        if (mutation is not null) Visit(mutation, set);
        if (subscription is not null) Visit(subscription, set);
        foreach (var directive in directives)
        {
            foreach (var arg in directive.Args) Visit(arg.Type, set);
        }
        Visit(Introspection.SchemaType, set);
        return set.Items;
    }

    private static void Visit(GraphQLType type, OrderedIdentitySet set)
    {
        var namedType = type.GetNamedType();
        if (!set.Add(namedType)) return;
        switch (namedType)
        {
            case GraphQLUnionType union:
                foreach (var member in union.GetTypes()) Visit(member, set);
                break;
            case GraphQLImplementingType implementing:
                foreach (var iface in implementing.GetInterfaces()) Visit(iface, set);
                foreach (var field in implementing.GetFields().Values)
                {
                    Visit(field.Type, set);
                    foreach (var arg in field.Args) Visit(arg.Type, set);
                }
                break;
            case GraphQLInputObjectType inputObject:
                foreach (var field in inputObject.GetFields().Values) Visit(field.Type, set);
                break;
        }
    }

    private sealed class OrderedIdentitySet
    {
        private readonly LinkedList<GraphQLNamedType> _order = new();
        private readonly Dictionary<GraphQLNamedType, LinkedListNode<GraphQLNamedType>> _nodes = new(ReferenceEqualityComparer.Instance);

        public bool Add(GraphQLNamedType type)
        {
            if (_nodes.ContainsKey(type)) return false;
            _nodes[type] = _order.AddLast(type);
            return true;
        }

        public void Remove(GraphQLNamedType type)
        {
            if (_nodes.Remove(type, out var node)) _order.Remove(node);
        }

        public IReadOnlyList<GraphQLNamedType> Items => _order.ToList();
    }
}
