namespace GraphQLEngine.Language;

// The type system part of the syntax tree (SDL), shaped after graphql-js's `language/ast.ts`.
// Executable documents never contain these; the parser still reads them so that validation can
// say "The \"Foo\" definition is not executable." and so that schemas can be written in SDL.

/// <summary>A schema, type or directive definition.</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode;

/// <summary>An <c>extend …</c> definition.</summary>
public abstract record TypeSystemExtensionNode : DefinitionNode;

/// <summary><c>schema @dirs { query: Query … }</c></summary>
public sealed record SchemaDefinitionNode : TypeSystemDefinitionNode
{
    public StringValueNode? Description { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary><c>query: Query</c> inside a schema definition or extension.</summary>
public sealed record OperationTypeDefinitionNode : Node
{
    public required OperationType Operation { get; init; }
    public required NamedTypeNode Type { get; init; }
}

/// <summary>A named type definition: scalar, type, interface, union, enum or input.</summary>
public abstract record TypeDefinitionNode : TypeSystemDefinitionNode
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed record ScalarTypeDefinitionNode : TypeDefinitionNode;

public sealed record ObjectTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed record InterfaceTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed record UnionTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

public sealed record EnumTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

public sealed record InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

/// <summary>A field of an object or interface type.</summary>
public sealed record FieldDefinitionNode : Node
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];
    public required TypeNode Type { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An argument definition or an input object field.</summary>
public sealed record InputValueDefinitionNode : Node
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public required TypeNode Type { get; init; }
    public ValueNode? DefaultValue { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed record EnumValueDefinitionNode : Node
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary><c>directive @name(args) repeatable on LOCATION | …</c></summary>
public sealed record DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public StringValueNode? Description { get; init; }
    public required NameNode Name { get; init; }
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];
    public bool Repeatable { get; init; }
    /// <summary>The location names as written; each is a valid <see cref="DirectiveLocation"/> name.</summary>
    public IReadOnlyList<NameNode> Locations { get; init; } = [];
}

/// <summary><c>extend schema @dirs { … }</c></summary>
public sealed record SchemaExtensionNode : TypeSystemExtensionNode
{
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary>An extension of a named type.</summary>
public abstract record TypeExtensionNode : TypeSystemExtensionNode
{
    public required NameNode Name { get; init; }
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

public sealed record ScalarTypeExtensionNode : TypeExtensionNode;

public sealed record ObjectTypeExtensionNode : TypeExtensionNode
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed record InterfaceTypeExtensionNode : TypeExtensionNode
{
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

public sealed record UnionTypeExtensionNode : TypeExtensionNode
{
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

public sealed record EnumTypeExtensionNode : TypeExtensionNode
{
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

public sealed record InputObjectTypeExtensionNode : TypeExtensionNode
{
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
