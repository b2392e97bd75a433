using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

public class ParserTests
{
    private static GraphQLSyntaxError ParseError(string source, ParseOptions? options = null) =>
        Assert.Throws<GraphQLSyntaxError>(() => Parser.Parse(source, options));

    [Theory]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("\n      { ...MissingOn }\n      fragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 3, 26)]
    [InlineData("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Syntax Error: Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)]
    [InlineData("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }", "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 37)]
    [InlineData("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("enum Test { VALID, true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 20)]
    [InlineData("fragment F($v: Int) on T { a }", "Syntax Error: Expected \"on\", found \"(\".", 1, 11)]
    [InlineData("\"desc\" query { a }", "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("directive @d on UNKNOWN", "Syntax Error: Unexpected Name \"UNKNOWN\".", 1, 17)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    public void Reports_syntax_errors_as_graphql_js_does(string source, string message, int line, int column)
    {
        var error = ParseError(source);
        Assert.Equal(message, error.Message);
        Assert.Equal(message["Syntax Error: ".Length..], error.Description);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Parses_an_operation_with_variables_directives_and_nested_selections()
    {
        var document = Parser.Parse("query Q($id: ID! = \"1\" @d) @op { alias: node(id: $id) { ... on User { name } ...F } }");

        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Q", operation.Name?.Value);
        var variable = Assert.Single(operation.VariableDefinitions);
        Assert.Equal("id", variable.Variable.Name.Value);
        Assert.Equal("ID", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(variable.Type).Type).Name.Value);
        Assert.Equal("1", Assert.IsType<StringValueNode>(variable.DefaultValue).Value);
        Assert.Equal("d", Assert.Single(variable.Directives).Name.Value);
        Assert.Equal("op", Assert.Single(operation.Directives).Name.Value);

        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("alias", field.ResponseKey);
        Assert.Equal("node", field.Name.Value);
        Assert.Equal("id", Assert.IsType<VariableNode>(Assert.Single(field.Arguments).Value).Name.Value);
        var selections = field.SelectionSet!.Selections;
        Assert.Equal("User", Assert.IsType<InlineFragmentNode>(selections[0]).TypeCondition?.Name.Value);
        Assert.Equal("F", Assert.IsType<FragmentSpreadNode>(selections[1]).Name.Value);
    }

    [Fact]
    public void Records_locations_from_the_first_to_the_last_token()
    {
        var document = Parser.Parse("\n  { a(x: 1) }");
        Assert.Equal(new Location(0, 14, 1, 1), document.Loc);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal(new Location(3, 14, 2, 3), operation.Loc);
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal(new Location(5, 12, 2, 5), field.Loc);
        Assert.Equal(new Location(7, 11, 2, 7), field.Arguments[0].Loc);
    }

    [Fact]
    public void Leaves_locations_out_when_asked()
    {
        var document = Parser.Parse("{ a }", new ParseOptions { NoLocation = true });
        Assert.Null(document.Loc);
        Assert.Null(document.Definitions[0].Loc);
    }

    [Fact]
    public void Allows_keywords_as_names()
    {
        var document = Parser.Parse("query on { on: on(on: on) @on { fragment query true false null } }");
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        Assert.Equal("on", field.Alias?.Value);
        Assert.IsType<EnumValueNode>(field.Arguments[0].Value);
        Assert.Equal(5, field.SelectionSet!.Selections.Count);
    }

    [Fact]
    public void Reads_type_system_definitions_with_names_and_locations()
    {
        var document = Parser.Parse("""
            { a }
            "Described" type Foo implements Bar @key { f(x: Int = 1): [String!] }
            extend scalar Date @specifiedBy(url: "u")
            schema { query: Foo }
            directive @d(a: Int) repeatable on FIELD | QUERY
            """);

        var type = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Foo", type.Name.Value);
        Assert.Equal("Described", type.Description?.Value);
        Assert.Equal(new Location(6, 75, 2, 1), type.Loc);
        Assert.Equal("Bar", Assert.Single(type.Interfaces).Name.Value);
        var field = Assert.Single(type.Fields);
        Assert.Equal("1", Assert.IsType<IntValueNode>(Assert.Single(field.Arguments).DefaultValue).Value);

        var extension = Assert.IsType<ScalarTypeExtensionNode>(document.Definitions[2]);
        Assert.Equal("Date", extension.Name.Value);
        Assert.Equal(3, extension.Loc?.Line);

        var schema = Assert.IsType<SchemaDefinitionNode>(document.Definitions[3]);
        Assert.Equal(OperationType.Query, Assert.Single(schema.OperationTypes).Operation);

        var directive = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[4]);
        Assert.True(directive.Repeatable);
        Assert.Equal(["FIELD", "QUERY"], directive.Locations.Select(l => l.Value));
        Assert.All(document.Definitions.Skip(1), d => Assert.IsNotType<ExecutableDefinitionNode>(d, exactMatch: false));
    }

    [Fact]
    public void Parses_values_and_types_alone()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[1, 2.5, \"s\", $v, {a: null}]"));
        Assert.Equal(5, list.Values.Count);
        Assert.IsType<VariableNode>(list.Values[3]);

        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[Int!]!"));
        Assert.IsType<ListTypeNode>(type.Type);

        var error = Assert.Throws<GraphQLSyntaxError>(() => Parser.ParseConstValue("[$v]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$v\" in constant value.", error.Message);
    }

    [Fact]
    public void Converts_offsets_to_lines_and_columns()
    {
        const string body = "a\r\nb\rc\nd";
        Assert.Equal(new SourceLocation(1, 1), SourceLocation.FromOffset(body, 0));
        Assert.Equal(new SourceLocation(2, 1), SourceLocation.FromOffset(body, 3));
        Assert.Equal(new SourceLocation(3, 1), SourceLocation.FromOffset(body, 5));
        Assert.Equal(new SourceLocation(4, 1), SourceLocation.FromOffset(body, 7));
        Assert.Equal(new SourceLocation(4, 2), SourceLocation.FromOffset(body, 8));
    }

    [Fact]
    public void Names_directive_locations_both_ways()
    {
        Assert.True(DirectiveLocationNames.TryParse("INPUT_FIELD_DEFINITION", out var location));
        Assert.Equal(DirectiveLocation.InputFieldDefinition, location);
        Assert.Equal("FRAGMENT_SPREAD", DirectiveLocation.FragmentSpread.ToName());
        Assert.False(DirectiveLocationNames.TryParse("field", out _));
    }
}
