namespace GraphQLEngine.Language;

/// <summary>
/// Depth-first traversal of a syntax tree that calls an <see cref="AstVisitor"/> on entering and leaving every
/// node (graphql-js's <c>visit</c> without editing). Children are found by a type switch, not reflection.
/// </summary>
/// <remarks>
/// The walk recurses once per tree level; trees from <see cref="Parser"/> are bounded by
/// <see cref="ParseOptions.MaxDepth"/>, so this is safe for parsed input.
/// </remarks>
public static class AstWalker
{
    /// <summary>Walks <paramref name="root"/> and everything below it with one visitor.</summary>
    public static void Walk(Node root, AstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        new Traversal(visitor).Visit(root);
    }

    /// <summary>
    /// Walks <paramref name="root"/> once, calling every visitor in list order at each node, as graphql-js's
    /// <c>visitInParallel</c> does: a visitor that skips a subtree or breaks stops seeing nodes on its own
    /// while the others go on.
    /// </summary>
    public static void WalkInParallel(Node root, IReadOnlyList<AstVisitor> visitors) =>
        Walk(root, new ParallelVisitor(visitors));
}

/// <summary>One traversal in progress.</summary>
file sealed class Traversal(AstVisitor visitor)
{
    private readonly AstWalkContext _context = new();

    /// <summary>Visits a node and its subtree; false when the visitor asked to stop.</summary>
    public bool Visit(Node node)
    {
        var action = visitor.Enter(node, _context);
        if (action == VisitAction.Break) return false;
        if (action == VisitAction.SkipChildren) return true;

        _context.Push(node);
        var keepGoing = VisitChildren(node);
        _context.Pop();
        return keepGoing && visitor.Leave(node, _context) != VisitAction.Break;
    }

    private bool VisitOptional(Node? node) => node is null || Visit(node);

    private bool VisitAll<T>(IReadOnlyList<T> nodes) where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
            if (!Visit(nodes[i])) return false;
        return true;
    }

    // Child order follows graphql-js's QueryDocumentKeys.
    private bool VisitChildren(Node node) => node switch
    {
        NameNode => true,
        FieldNode n => VisitOptional(n.Alias) && Visit(n.Name) && VisitAll(n.Arguments)
                       && VisitAll(n.Directives) && VisitOptional(n.SelectionSet),
        SelectionSetNode n => VisitAll(n.Selections),
        ArgumentNode n => Visit(n.Name) && Visit(n.Value),
        VariableNode n => Visit(n.Name),
        IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode or NullValueNode or EnumValueNode => true,
        ListValueNode n => VisitAll(n.Values),
        ObjectValueNode n => VisitAll(n.Fields),
        ObjectFieldNode n => Visit(n.Name) && Visit(n.Value),
        DirectiveNode n => Visit(n.Name) && VisitAll(n.Arguments),
        FragmentSpreadNode n => Visit(n.Name) && VisitAll(n.Directives),
        InlineFragmentNode n => VisitOptional(n.TypeCondition) && VisitAll(n.Directives) && Visit(n.SelectionSet),
        NamedTypeNode n => Visit(n.Name),
        ListTypeNode n => Visit(n.Type),
        NonNullTypeNode n => Visit(n.Type),
        DocumentNode n => VisitAll(n.Definitions),
        OperationDefinitionNode n => VisitOptional(n.Name) && VisitAll(n.VariableDefinitions)
                                     && VisitAll(n.Directives) && Visit(n.SelectionSet),
        VariableDefinitionNode n => Visit(n.Variable) && Visit(n.Type) && VisitOptional(n.DefaultValue)
                                    && VisitAll(n.Directives),
        FragmentDefinitionNode n => Visit(n.Name) && Visit(n.TypeCondition) && VisitAll(n.Directives)
                                    && Visit(n.SelectionSet),
        _ => VisitTypeSystemChildren(node),
    };

    private bool VisitTypeSystemChildren(Node node) => node switch
    {
        SchemaDefinitionNode n => VisitOptional(n.Description) && VisitAll(n.Directives) && VisitAll(n.OperationTypes),
        OperationTypeDefinitionNode n => Visit(n.Type),
        ScalarTypeDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives),
        ObjectTypeDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Interfaces)
                                      && VisitAll(n.Directives) && VisitAll(n.Fields),
        FieldDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Arguments)
                                 && Visit(n.Type) && VisitAll(n.Directives),
        InputValueDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && Visit(n.Type)
                                      && VisitOptional(n.DefaultValue) && VisitAll(n.Directives),
        InterfaceTypeDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Interfaces)
                                         && VisitAll(n.Directives) && VisitAll(n.Fields),
        UnionTypeDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives)
                                     && VisitAll(n.Types),
        EnumTypeDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives)
                                    && VisitAll(n.Values),
        EnumValueDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives),
        InputObjectTypeDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Directives)
                                           && VisitAll(n.Fields),
        DirectiveDefinitionNode n => VisitOptional(n.Description) && Visit(n.Name) && VisitAll(n.Arguments)
                                     && VisitAll(n.Locations),
        SchemaExtensionNode n => VisitAll(n.Directives) && VisitAll(n.OperationTypes),
        ScalarTypeExtensionNode n => Visit(n.Name) && VisitAll(n.Directives),
        ObjectTypeExtensionNode n => Visit(n.Name) && VisitAll(n.Interfaces) && VisitAll(n.Directives)
                                     && VisitAll(n.Fields),
        InterfaceTypeExtensionNode n => Visit(n.Name) && VisitAll(n.Interfaces) && VisitAll(n.Directives)
                                        && VisitAll(n.Fields),
        UnionTypeExtensionNode n => Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Types),
        EnumTypeExtensionNode n => Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Values),
        InputObjectTypeExtensionNode n => Visit(n.Name) && VisitAll(n.Directives) && VisitAll(n.Fields),
        _ => throw new ArgumentException($"Unknown node type {node.GetType().Name}.", nameof(node)),
    };
}
