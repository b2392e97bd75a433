namespace GraphQLEngine.Language;

// The syntax tree of executable documents, shaped after graphql-js's `language/ast.ts`
// so that rules and tests ported from it read the same way. Nodes are immutable; every
// node carries the source span it was parsed from (null when built in code).

/// <summary>
/// A span of the source text: character offsets plus 1-based line and column of its start. A value kept inside its
/// node, not an object of its own: a document's tree is mostly small nodes, and a span object beside each doubled the
/// objects a collection copies while a large document is checked.
/// </summary>
public readonly record struct Location(int Start, int End, int Line, int Column);

public abstract record Node
{
    public Location? Loc { get; init; }
}

public sealed record NameNode(string Value) : Node;

public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : Node;

public abstract record DefinitionNode : Node;

public enum OperationType { Query, Mutation, Subscription }

public abstract record ExecutableDefinitionNode : DefinitionNode
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
    public required SelectionSetNode SelectionSet { get; init; }
}

public sealed record OperationDefinitionNode : ExecutableDefinitionNode
{
    public required OperationType Operation { get; init; }
    public NameNode? Name { get; init; }
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];
}

public sealed record FragmentDefinitionNode : ExecutableDefinitionNode
{
    public required NameNode Name { get; init; }
    public required NamedTypeNode TypeCondition { get; init; }
}

public sealed record VariableDefinitionNode : Node
{
    public required VariableNode Variable { get; init; }
    public required TypeNode Type { get; init; }
    public ValueNode? DefaultValue { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : Node;

public abstract record SelectionNode : Node
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed record FieldNode : SelectionNode
{
    public NameNode? Alias { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key this field's value is written under in the response.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

public sealed record FragmentSpreadNode : SelectionNode
{
    public required NameNode Name { get; init; }
}

public sealed record InlineFragmentNode : SelectionNode
{
    public NamedTypeNode? TypeCondition { get; init; }
    public required SelectionSetNode SelectionSet { get; init; }
}

public sealed record ArgumentNode(NameNode Name, ValueNode Value) : Node;

public sealed record DirectiveNode : Node
{
    public required NameNode Name { get; init; }
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}

// ---- Values ----

public abstract record ValueNode : Node;

public sealed record VariableNode(NameNode Name) : ValueNode;

/// <summary>Integer literal as written (arbitrary length); coercion decides whether it fits.</summary>
public sealed record IntValueNode(string Value) : ValueNode;

/// <summary>Float literal as written; coercion parses it.</summary>
public sealed record FloatValueNode(string Value) : ValueNode;

/// <summary>String literal, already unescaped; Block tells whether it was written as """…""".</summary>
public sealed record StringValueNode(string Value, bool Block = false) : ValueNode;

public sealed record BooleanValueNode(bool Value) : ValueNode;

public sealed record NullValueNode : ValueNode;

public sealed record EnumValueNode(string Value) : ValueNode;

public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode;

public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode;

public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : Node;

// ---- Type references ----

public abstract record TypeNode : Node;

public sealed record NamedTypeNode(NameNode Name) : TypeNode;

public sealed record ListTypeNode(TypeNode Type) : TypeNode;

/// <summary>`T!`; the inner type is never itself non-null.</summary>
public sealed record NonNullTypeNode(TypeNode Type) : TypeNode;
