using GraphQLEngine.Language;
using GraphQLEngine.Tests.Utilities;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Type;

public class SchemaTests
{
    private static readonly GraphQLSchema Sample = SampleSchema.Create();

    [Fact]
    public void Type_map_is_ordered_like_graphql_js()
    {
        // Order taken from graphql-js 16.11 for the same types passed the same way.
        var names = Sample.TypeMap.Keys.ToList();
        Assert.Equal(
            ["DateTime", "JSON", "Node", "ID", "Named", "String", "Boolean", "Project", "Int", "Float", "Person", "SearchResult",
             "Currency", "CacheScope", "RevenueFilter", "ProjectKey", "Query", "Mutation",
             "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"],
            names);
    }

    [Fact]
    public void Looks_up_types_roots_and_directives()
    {
        Assert.Same(Sample.QueryType, Sample.GetType("Query"));
        Assert.Same(Sample.MutationType, Sample.GetRootType(OperationType.Mutation));
        Assert.Null(Sample.GetRootType(OperationType.Subscription));
        Assert.Null(Sample.GetType("Nope"));
        Assert.Same(GraphQLDirective.Skip, Sample.GetDirective("skip"));
        Assert.Equal("cached", Sample.GetDirective("cached")?.Name);
        Assert.Null(Sample.GetDirective("nope"));
    }

    [Fact]
    public void Uses_specified_directives_by_default()
    {
        var schema = new GraphQLSchema(new GraphQLObjectType("Query", [new FieldDefinition("a", Scalars.Int)]));
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
    }

    [Fact]
    public void Knows_possible_types_and_implementations()
    {
        var node = (GraphQLInterfaceType)Sample.GetType("Node")!;
        var named = (GraphQLInterfaceType)Sample.GetType("Named")!;
        var union = (GraphQLUnionType)Sample.GetType("SearchResult")!;
        var project = (GraphQLObjectType)Sample.GetType("Project")!;
        var person = (GraphQLObjectType)Sample.GetType("Person")!;

        Assert.Equal([project, person], Sample.GetPossibleTypes(node));
        Assert.Equal([project], Sample.GetPossibleTypes(named));
        Assert.Equal([project, person], Sample.GetPossibleTypes(union));

        var implementations = Sample.GetImplementations(node);
        Assert.Equal([project, person], implementations.Objects);
        Assert.Equal([named], implementations.Interfaces);

        Assert.True(Sample.IsSubType(node, project));
        Assert.True(Sample.IsSubType(node, named));
        Assert.False(Sample.IsSubType(named, person));
        Assert.True(Sample.IsSubType(union, person));
        Assert.False(Sample.IsSubType(union, node));
    }

    [Fact]
    public void Rejects_two_types_with_one_name()
    {
        var a = new GraphQLObjectType("Same", [new FieldDefinition("a", Scalars.Int)]);
        var b = new GraphQLObjectType("Same", [new FieldDefinition("b", Scalars.Int)]);
        var query = new GraphQLObjectType("Query", [new FieldDefinition("a", a), new FieldDefinition("b", b)]);
        var error = Assert.Throws<InvalidOperationException>(() => new GraphQLSchema(query));
        Assert.Equal("Schema must contain uniquely named types but contains multiple types named \"Same\".", error.Message);
    }

    [Fact]
    public void Sample_schema_is_valid()
    {
        Assert.Empty(Sample.Validate());
        Sample.AssertValid();
    }

    private static GraphQLObjectType Query(params FieldDefinition[] fields) => new("Query", fields);

    private static IReadOnlyList<string> Errors(GraphQLSchema schema) => schema.Validate().Select(e => e.Message).ToList();

    [Fact]
    public void Requires_a_query_root()
    {
        Assert.Equal(["Query root type must be provided."], Errors(new GraphQLSchema(null)));
        var error = Assert.Throws<GraphQLSchemaValidationException>(() => new GraphQLSchema(null).AssertValid());
        Assert.Equal("Query root type must be provided.", error.Message);
    }

    [Fact]
    public void Requires_fields_values_and_members()
    {
        var empty = new GraphQLObjectType("Empty", []);
        var emptyUnion = new GraphQLUnionType("EmptyUnion", []);
        var emptyEnum = new GraphQLEnumType("EmptyEnum", []);
        var emptyInput = new GraphQLInputObjectType("EmptyInput", []);
        var schema = new GraphQLSchema(Query(new FieldDefinition("e", empty)), types: [emptyUnion, emptyEnum, emptyInput]);
        Assert.Equal(
        [
            "Union type EmptyUnion must define one or more member types.",
            "Enum type EmptyEnum must define one or more values.",
            "Input Object type EmptyInput must define one or more fields.",
            "Type Empty must define one or more fields.",
        ], Errors(schema));
    }

    [Fact]
    public void Rejects_reserved_names()
    {
        var schema = new GraphQLSchema(
            Query(new FieldDefinition("__bad", Scalars.Int) { Args = [new ArgumentDefinition("__arg", Scalars.Int)] }),
            directives: [new GraphQLDirective("__dir", [DirectiveLocation.Field])]);
        Assert.Equal(
        [
            "Name \"__dir\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__arg\" must not begin with \"__\", which is reserved by GraphQL introspection.",
        ], Errors(schema));
    }

    [Fact]
    public void Checks_input_and_output_positions()
    {
        var input = new GraphQLInputObjectType("SomeInput", [new InputFieldDefinition("a", Scalars.Int)]);
        var output = new GraphQLObjectType("SomeObject", [new FieldDefinition("a", Scalars.Int)]);
        var badInput = new GraphQLInputObjectType("BadInput", [new InputFieldDefinition("o", output)]);
        var schema = new GraphQLSchema(Query(
            new FieldDefinition("bad", input),
            new FieldDefinition("ok", Scalars.Int) { Args = [new ArgumentDefinition("arg", output), new ArgumentDefinition("b", badInput)] }),
            directives: [new GraphQLDirective("dir", []) { Args = [new ArgumentDefinition("x", output)] }]);
        Assert.Equal(
        [
            "Directive @dir must include 1 or more locations.",
            "The type of @dir(x:) must be Input Type but got: SomeObject.",
            "The type of Query.bad must be Output Type but got: SomeInput.",
            "The type of Query.ok(arg:) must be Input Type but got: SomeObject.",
            "The type of BadInput.o must be Input Type but got: SomeObject.",
        ], Errors(schema));
    }

    [Fact]
    public void Rejects_deprecating_required_inputs()
    {
        var input = new GraphQLInputObjectType("In", [new InputFieldDefinition("a", new GraphQLNonNull(Scalars.Int)) { DeprecationReason = "x" }]);
        var schema = new GraphQLSchema(Query(new FieldDefinition("f", Scalars.Int)
        {
            Args =
            [
                new ArgumentDefinition("req", new GraphQLNonNull(Scalars.Int)) { DeprecationReason = "x" },
                new ArgumentDefinition("withDefault", new GraphQLNonNull(Scalars.Int)) { DeprecationReason = "x", DefaultValue = 1 },
                new ArgumentDefinition("in", input),
            ],
        }));
        Assert.Equal(
        [
            "Required argument Query.f(req:) cannot be deprecated.",
            "Required input field In.a cannot be deprecated.",
        ], Errors(schema));
    }

    [Fact]
    public void Checks_interface_implementations()
    {
        var node = new GraphQLInterfaceType("Node", [new FieldDefinition("id", new GraphQLNonNull(Scalars.ID))]);
        var named = new GraphQLInterfaceType("Named",
        [
            new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new FieldDefinition("name", Scalars.String) { Args = [new ArgumentDefinition("upper", Scalars.Boolean)] },
        ], [node]);
        var missingField = new GraphQLObjectType("MissingField", [new FieldDefinition("other", Scalars.Int)], [node]);
        var wrongType = new GraphQLObjectType("WrongType", [new FieldDefinition("id", Scalars.String)], [node]);
        var notTransitive = new GraphQLObjectType("NotTransitive",
        [
            new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new FieldDefinition("name", Scalars.String)
            {
                Args = [new ArgumentDefinition("upper", Scalars.String), new ArgumentDefinition("extra", new GraphQLNonNull(Scalars.Int))],
            },
        ], [named]);
        var missingArg = new GraphQLObjectType("MissingArg",
            [new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)), new FieldDefinition("name", Scalars.String)], [node, named]);
        var twice = new GraphQLObjectType("Twice", [new FieldDefinition("id", new GraphQLNonNull(Scalars.ID))], [node, node]);
        var schema = new GraphQLSchema(Query(new FieldDefinition("n", node)),
            types: [missingField, wrongType, notTransitive, missingArg, twice]);
        Assert.Equal(
        [
            "Interface field Node.id expected but MissingField does not provide it.",
            "Interface field Node.id expects type ID! but WrongType.id is type String.",
            "Type NotTransitive must implement Node because it is implemented by Named.",
            "Interface field argument Named.name(upper:) expects type Boolean but NotTransitive.name(upper:) is type String.",
            "Object field NotTransitive.name includes required argument extra that is missing from the Interface field Named.name.",
            "Interface field argument Named.name(upper:) expected but MissingArg.name does not provide it.",
            "Type Twice can only implement Node once.",
        ], Errors(schema));
    }

    [Fact]
    public void Accepts_covariant_field_types()
    {
        var node = new GraphQLInterfaceType("Node", [new FieldDefinition("id", Scalars.ID), new FieldDefinition("self", new GraphQLList(Scalars.ID))]);
        var impl = new GraphQLObjectType("Impl",
            [new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)), new FieldDefinition("self", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Scalars.ID))))],
            [node]);
        Assert.Empty(Errors(new GraphQLSchema(Query(new FieldDefinition("n", node)), types: [impl])));
    }

    [Fact]
    public void Rejects_duplicate_union_members()
    {
        var a = new GraphQLObjectType("A", [new FieldDefinition("a", Scalars.Int)]);
        var union = new GraphQLUnionType("U", [a, a]);
        Assert.Equal(["Union type U can only include type A once."], Errors(new GraphQLSchema(Query(new FieldDefinition("u", union)))));
    }

    [Fact]
    public void Rejects_non_null_input_object_cycles()
    {
        GraphQLInputObjectType a = null!;
        var b = new GraphQLInputObjectType("B", () => [new InputFieldDefinition("a", new GraphQLNonNull(a))]);
        a = new GraphQLInputObjectType("A", () =>
        [
            new InputFieldDefinition("b", new GraphQLNonNull(b)),
            new InputFieldDefinition("optionalSelf", a),
            new InputFieldDefinition("listSelf", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(a)))),
        ]);
        var schema = new GraphQLSchema(Query(new FieldDefinition("f", Scalars.Int) { Args = [new ArgumentDefinition("a", a)] }));
        Assert.Equal(["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\"."], Errors(schema));
    }

    [Fact]
    public void Checks_one_of_input_fields()
    {
        var oneOf = new GraphQLInputObjectType("Key",
        [
            new InputFieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new InputFieldDefinition("slug", Scalars.String) { DefaultValue = "x" },
        ])
        {
            IsOneOf = true,
        };
        var schema = new GraphQLSchema(Query(new FieldDefinition("f", Scalars.Int) { Args = [new ArgumentDefinition("k", oneOf)] }));
        Assert.Equal(
        [
            "OneOf input field Key.id must be nullable.",
            "OneOf input field Key.slug cannot have a default value.",
        ], Errors(schema));
    }

    [Fact]
    public void Rejects_implementing_itself()
    {
        GraphQLInterfaceType self = null!;
        self = new GraphQLInterfaceType("Self", () => [new FieldDefinition("a", Scalars.Int)], () => [self]);
        Assert.Contains("Type Self cannot implement itself because it would create a circular reference.",
            Errors(new GraphQLSchema(Query(new FieldDefinition("s", self)))));
    }
}
