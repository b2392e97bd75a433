using System.ComponentModel;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Type;

public class DefinitionTests
{
    [Fact]
    public void Type_references_print_like_sdl()
    {
        Assert.Equal("Int", Scalars.Int.ToString());
        Assert.Equal("[Int!]!", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Scalars.Int))).ToString());
        Assert.Equal("[[String]]", new GraphQLList(new GraphQLList(Scalars.String)).ToString());
    }

    [Fact]
    public void Wrappers_compare_by_what_they_wrap()
    {
        Assert.Equal(new GraphQLList(Scalars.Int), new GraphQLList(Scalars.Int));
        Assert.Equal(new GraphQLList(Scalars.Int).GetHashCode(), new GraphQLList(Scalars.Int).GetHashCode());
        Assert.NotEqual<GraphQLType>(new GraphQLList(Scalars.Int), new GraphQLNonNull(Scalars.Int));
        Assert.NotEqual(new GraphQLList(Scalars.Int), new GraphQLList(Scalars.String));
    }

    [Fact]
    public void Non_null_cannot_wrap_non_null()
    {
        var error = Assert.Throws<ArgumentException>(() => new GraphQLNonNull(new GraphQLNonNull(Scalars.Int)));
        Assert.Equal("Expected Int! to be a GraphQL nullable type.", error.Message);
    }

    [Theory]
    [InlineData("", "Expected name to be a non-empty string.")]
    [InlineData("bad-name", "Names must only contain [_a-zA-Z0-9] but \"bad-name\" does not.")]
    [InlineData("1st", "Names must start with [_a-zA-Z] but \"1st\" does not.")]
    public void Names_are_checked(string name, string message)
    {
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new GraphQLScalarType(name)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new FieldDefinition(name, Scalars.Int)).Message);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    public void Enum_values_cannot_look_like_other_literals(string name) =>
        Assert.Equal($"Enum values cannot be named: {name}", Assert.Throws<ArgumentException>(() => new EnumValueDefinition(name)).Message);

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        var type = new GraphQLObjectType("T", [new FieldDefinition("a", Scalars.Int), new FieldDefinition("a", Scalars.String)]);
        Assert.Equal("T field \"a\" is defined more than once.", Assert.Throws<ArgumentException>(() => type.GetFields()).Message);
        Assert.Throws<ArgumentException>(() => new FieldDefinition("f", Scalars.Int)
        {
            Args = [new ArgumentDefinition("x", Scalars.Int), new ArgumentDefinition("x", Scalars.Int)],
        });
    }

    [Fact]
    public void Predicates_follow_graphql_js()
    {
        var obj = new GraphQLObjectType("O", [new FieldDefinition("a", Scalars.Int)]);
        var input = new GraphQLInputObjectType("I", [new InputFieldDefinition("a", Scalars.Int)]);
        var iface = new GraphQLInterfaceType("F", [new FieldDefinition("a", Scalars.Int)]);
        var union = new GraphQLUnionType("U", [obj]);
        var enumType = new GraphQLEnumType("E", [new EnumValueDefinition("A")]);

        Assert.True(new GraphQLList(new GraphQLNonNull(input)).IsInputType());
        Assert.True(enumType.IsInputType() && enumType.IsOutputType() && enumType.IsLeafType());
        Assert.False(new GraphQLList(obj).IsInputType());
        Assert.True(new GraphQLNonNull(union).IsOutputType());
        Assert.False(input.IsOutputType());
        Assert.True(obj.IsCompositeType() && iface.IsCompositeType() && union.IsCompositeType());
        Assert.False(new GraphQLList(obj).IsCompositeType());
        Assert.True(iface.IsAbstractType() && union.IsAbstractType());
        Assert.False(obj.IsAbstractType());
        Assert.False(((GraphQLType?)null).IsInputType());

        Assert.Same(obj, new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(obj))).GetNamedType());
        Assert.Equal(new GraphQLList(obj), new GraphQLNonNull(new GraphQLList(obj)).GetNullableType());
        Assert.Same(obj, obj.GetNullableType());
        Assert.Null(((GraphQLType?)null).GetNamedType());
    }

    [Fact]
    public void Required_inputs_are_non_null_without_default()
    {
        Assert.True(new ArgumentDefinition("a", new GraphQLNonNull(Scalars.Int)).IsRequired);
        Assert.False(new ArgumentDefinition("a", new GraphQLNonNull(Scalars.Int)) { DefaultValue = 1 }.IsRequired);
        Assert.False(new ArgumentDefinition("a", Scalars.Int).IsRequired);
        Assert.True(new InputFieldDefinition("a", Scalars.Int) { DefaultValue = null }.HasDefaultValue);
        Assert.False(new InputFieldDefinition("a", Scalars.Int).HasDefaultValue);
    }

    [Fact]
    // Messages checked against graphql-js 16.11.
    public void Enum_types_coerce_with_graphql_js_messages()
    {
        var color = new GraphQLEnumType("Color", [new EnumValueDefinition("RED", 0), new EnumValueDefinition("GREEN", 1), new EnumValueDefinition("BLUE", 2)]);
        Assert.Equal("GREEN", color.Serialize(1));
        Assert.Equal(2, color.ParseValue("BLUE"));
        Assert.Equal(0, color.ParseLiteral(Parser.ParseValue("RED")));

        Assert.Equal("Enum \"Color\" cannot represent value: 3", Assert.Throws<GraphQLError>(() => color.Serialize(3)).Message);
        Assert.Equal("Value \"blue\" does not exist in \"Color\" enum. Did you mean the enum value \"BLUE\"?",
            Assert.Throws<GraphQLError>(() => color.ParseValue("blue")).Message);
        Assert.Equal("Enum \"Color\" cannot represent non-string value: 2.", Assert.Throws<GraphQLError>(() => color.ParseValue(2)).Message);
        Assert.Equal("Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?",
            Assert.Throws<GraphQLError>(() => color.ParseLiteral(Parser.ParseValue("\"RED\""))).Message);
        Assert.Equal("Value \"PURPLE\" does not exist in \"Color\" enum.",
            Assert.Throws<GraphQLError>(() => color.ParseLiteral(Parser.ParseValue("PURPLE"))).Message);
    }

    [Description("Project lifecycle")]
    private enum ProjectStatus
    {
        Active,
        [Description("No longer operating")] ShutDown,
        [Obsolete("Use ShutDown")] Dead,
        HTTPOnly,
    }

    [Fact]
    public void Clr_enums_become_constant_case_enum_types()
    {
        var type = ClrEnumType.Create<ProjectStatus>();
        Assert.Equal("ProjectStatus", type.Name);
        Assert.Equal("Project lifecycle", type.Description);
        Assert.Equal(["ACTIVE", "SHUT_DOWN", "DEAD", "HTTP_ONLY"], type.GetValues().Select(v => v.Name));
        Assert.Equal("No longer operating", type.GetValue("SHUT_DOWN")!.Description);
        Assert.Equal("Use ShutDown", type.GetValue("DEAD")!.DeprecationReason);
        Assert.Equal("SHUT_DOWN", type.Serialize(ProjectStatus.ShutDown));
        Assert.Equal(ProjectStatus.Active, type.ParseValue("ACTIVE"));
    }

    [Fact]
    public void Custom_scalars_default_to_identity_and_untyped_literals()
    {
        var json = new GraphQLScalarType("JSON");
        var value = new object();
        Assert.Same(value, json.Serialize(value));
        Assert.Same(value, json.ParseValue(value));
        Assert.Equal(new List<object?> { 1, "a" }, json.ParseLiteral(Parser.ParseValue("[1, \"a\"]")));

        var upper = new GraphQLScalarType("Upper") { ValueParser = v => ((string)v!).ToUpperInvariant() };
        Assert.Equal("ABC", upper.ParseLiteral(Parser.ParseValue("\"abc\"")));
    }

    [Fact]
    public void Specified_directives_match_graphql_js()
    {
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], GraphQLDirective.SpecifiedDirectives.Select(d => d.Name));
        Assert.Equal("No longer supported", GraphQLDirective.Deprecated.GetArgument("reason")!.DefaultValue);
        Assert.Equal("Boolean!", GraphQLDirective.Skip.GetArgument("if")!.Type.ToString());
        Assert.Empty(GraphQLDirective.OneOf.Args);
        Assert.True(GraphQLDirective.IsSpecifiedDirective(new GraphQLDirective("skip", [DirectiveLocation.Field])));
        Assert.Equal("@include", GraphQLDirective.Include.ToString());
    }

    [Fact]
    public void Thunks_allow_mutually_recursive_types()
    {
        GraphQLObjectType author = null!;
        var book = new GraphQLObjectType("Book", () => [new FieldDefinition("author", author)]);
        author = new GraphQLObjectType("Author", () => [new FieldDefinition("books", new GraphQLList(book))]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("book", book)]));
        Assert.Same(author, schema.GetType("Author"));
        Assert.Empty(schema.Validate());
    }
}
