namespace GraphQLEngine.Language;

// Type system definitions and their `extend` forms (SDL). A definition and its extension are parsed by one
// method per kind, so the two forms cannot drift apart: they differ only in how they begin (an optional
// description, or `extend`) and in that an extension must add something.
public sealed partial class Parser
{
    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private IReadOnlyList<DirectiveNode> ParseConstDirectives() => ParseDirectives(isConst: true);

    /// <summary>
    /// The definition or extension that <paramref name="keyword"/> introduces, or null (having consumed nothing)
    /// when it introduces none. Directives can be defined but not extended.
    /// </summary>
    private DefinitionNode? ParseTypeSystemNodeOrNull(string? keyword, bool isExtension) => keyword switch
    {
        "schema" => ParseSchema(isExtension),
        "scalar" => ParseScalarType(isExtension),
        "type" => ParseObjectType(isExtension),
        "interface" => ParseInterfaceType(isExtension),
        "union" => ParseUnionType(isExtension),
        "enum" => ParseEnumType(isExtension),
        "input" => ParseInputObjectType(isExtension),
        "directive" when !isExtension => ParseDirectiveDefinition(),
        _ => null,
    };

    private DefinitionNode ParseTypeSystemExtension()
    {
        var keywordToken = _lexer.Lookahead();
        var keyword = keywordToken.Kind == TokenKind.Name ? keywordToken.Value : null;
        return ParseTypeSystemNodeOrNull(keyword, isExtension: true) ?? throw Unexpected(keywordToken);
    }

    /// <summary>Reads <c>["description"] keyword</c> or <c>extend keyword</c>; the start token is the node's start.</summary>
    private (Token Start, StringValueNode? Description) ParseTypeSystemStart(string keyword, bool isExtension)
    {
        var start = _lexer.Token;
        StringValueNode? description = null;
        if (isExtension) ExpectKeyword("extend");
        else description = ParseDescription();
        ExpectKeyword(keyword);
        return (start, description);
    }

    private DefinitionNode ParseSchema(bool isExtension)
    {
        var (start, description) = ParseTypeSystemStart("schema", isExtension);
        var directives = ParseConstDirectives();
        if (!isExtension)
        {
            var definedOperationTypes = Many(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
            return new SchemaDefinitionNode
            {
                Description = description,
                Directives = directives,
                OperationTypes = definedOperationTypes,
                Loc = Loc(start),
            };
        }

        // Unlike a definition, an extension may leave out the braces when it adds directives.
        var operationTypes = OptionalMany(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        if (directives.Count == 0 && operationTypes.Count == 0) throw Unexpected();
        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Loc = Loc(start) };
    }

    /// <summary>
    /// The parts every named type definition and extension is made of. Members are the fields, enum values or
    /// union member types; <see cref="Interfaces"/> is filled only for object and interface types.
    /// </summary>
    private readonly record struct TypeParts<TMember>(
        StringValueNode? Description,
        NameNode Name,
        IReadOnlyList<NamedTypeNode> Interfaces,
        IReadOnlyList<DirectiveNode> Directives,
        IReadOnlyList<TMember> Members,
        Location? Loc);

    /// <summary>
    /// Reads a named type definition or extension up to its end, in the order the grammar fixes:
    /// start, name, interfaces, directives, members. An extension that adds nothing is an error at the token
    /// where its additions should have begun, as in graphql-js. <paramref name="parseMembers"/> is handed the parser
    /// so that callers pass static lambdas, which are created once instead of once per parsed type.
    /// </summary>
    private TypeParts<TMember> ParseTypeParts<TMember>(
        string keyword, bool isExtension, bool canImplement, Func<Parser, IReadOnlyList<TMember>>? parseMembers)
    {
        var (start, description) = ParseTypeSystemStart(keyword, isExtension);
        var name = ParseName();
        var interfaces = canImplement ? ParseImplementsInterfaces() : [];
        var directives = ParseConstDirectives();
        var members = parseMembers is null ? [] : parseMembers(this);
        if (isExtension && interfaces.Count == 0 && directives.Count == 0 && members.Count == 0) throw Unexpected();
        return new TypeParts<TMember>(description, name, interfaces, directives, members, Loc(start));
    }

    private DefinitionNode ParseScalarType(bool isExtension)
    {
        // Scalars have no members; Node only fills the type parameter.
        var parts = ParseTypeParts<Node>("scalar", isExtension, canImplement: false, parseMembers: null);
        return isExtension
            ? new ScalarTypeExtensionNode { Name = parts.Name, Directives = parts.Directives, Loc = parts.Loc }
            : new ScalarTypeDefinitionNode
            {
                Description = parts.Description,
                Name = parts.Name,
                Directives = parts.Directives,
                Loc = parts.Loc,
            };
    }

    private DefinitionNode ParseObjectType(bool isExtension)
    {
        var parts = ParseTypeParts("type", isExtension, canImplement: true,
            static parser => parser.ParseFieldsDefinition());
        return isExtension
            ? new ObjectTypeExtensionNode
            {
                Name = parts.Name,
                Interfaces = parts.Interfaces,
                Directives = parts.Directives,
                Fields = parts.Members,
                Loc = parts.Loc,
            }
            : new ObjectTypeDefinitionNode
            {
                Description = parts.Description,
                Name = parts.Name,
                Interfaces = parts.Interfaces,
                Directives = parts.Directives,
                Fields = parts.Members,
                Loc = parts.Loc,
            };
    }

    private DefinitionNode ParseInterfaceType(bool isExtension)
    {
        var parts = ParseTypeParts("interface", isExtension, canImplement: true,
            static parser => parser.ParseFieldsDefinition());
        return isExtension
            ? new InterfaceTypeExtensionNode
            {
                Name = parts.Name,
                Interfaces = parts.Interfaces,
                Directives = parts.Directives,
                Fields = parts.Members,
                Loc = parts.Loc,
            }
            : new InterfaceTypeDefinitionNode
            {
                Description = parts.Description,
                Name = parts.Name,
                Interfaces = parts.Interfaces,
                Directives = parts.Directives,
                Fields = parts.Members,
                Loc = parts.Loc,
            };
    }

    private DefinitionNode ParseUnionType(bool isExtension)
    {
        var parts = ParseTypeParts("union", isExtension, canImplement: false,
            static parser => parser.ParseUnionMemberTypes());
        return isExtension
            ? new UnionTypeExtensionNode
            {
                Name = parts.Name,
                Directives = parts.Directives,
                Types = parts.Members,
                Loc = parts.Loc,
            }
            : new UnionTypeDefinitionNode
            {
                Description = parts.Description,
                Name = parts.Name,
                Directives = parts.Directives,
                Types = parts.Members,
                Loc = parts.Loc,
            };
    }

    private DefinitionNode ParseEnumType(bool isExtension)
    {
        var parts = ParseTypeParts("enum", isExtension, canImplement: false,
            static parser => parser.ParseEnumValuesDefinition());
        return isExtension
            ? new EnumTypeExtensionNode
            {
                Name = parts.Name,
                Directives = parts.Directives,
                Values = parts.Members,
                Loc = parts.Loc,
            }
            : new EnumTypeDefinitionNode
            {
                Description = parts.Description,
                Name = parts.Name,
                Directives = parts.Directives,
                Values = parts.Members,
                Loc = parts.Loc,
            };
    }

    private DefinitionNode ParseInputObjectType(bool isExtension)
    {
        var parts = ParseTypeParts("input", isExtension, canImplement: false,
            static parser => parser.ParseInputFieldsDefinition());
        return isExtension
            ? new InputObjectTypeExtensionNode
            {
                Name = parts.Name,
                Directives = parts.Directives,
                Fields = parts.Members,
                Loc = parts.Loc,
            }
            : new InputObjectTypeDefinitionNode
            {
                Description = parts.Description,
                Name = parts.Name,
                Directives = parts.Directives,
                Fields = parts.Members,
                Loc = parts.Loc,
            };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var (start, description) = ParseTypeSystemStart("directive", isExtension: false);
        ExpectToken(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefs();
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation);
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = locations,
            Loc = Loc(start),
        };
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Token;
        var name = ParseName();
        if (DirectiveLocationNames.TryParse(name.Value, out _)) return name;
        throw Unexpected(start);
    }
}
