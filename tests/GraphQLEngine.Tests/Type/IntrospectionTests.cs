using GraphQLEngine.Language;
using GraphQLEngine.Tests.Utilities;
using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Type.ResolverTestContext;

namespace GraphQLEngine.Tests.Type;

public class IntrospectionTests
{
    private static readonly GraphQLSchema Schema = SampleSchema.Create();

    private static Dictionary<string, object?> IncludeDeprecated(bool include) => new() { ["includeDeprecated"] = include };

    private static IEnumerable<string> Names(object? items) =>
        ((System.Collections.IEnumerable)items!).Cast<object>().Select(i => i.ToString()!);

    [Fact]
    public async Task Schema_fields_expose_roots_types_and_directives()
    {
        var schemaType = Introspection.SchemaType;
        Assert.Same(Schema.QueryType, await Resolve(Schema, schemaType, "queryType", Schema));
        Assert.Same(Schema.MutationType, await Resolve(Schema, schemaType, "mutationType", Schema));
        Assert.Null(await Resolve(Schema, schemaType, "subscriptionType", Schema));
        Assert.Equal(Schema.TypeMap.Keys, Names(await Resolve(Schema, schemaType, "types", Schema)));
        Assert.Equal(Schema.Directives.Select(d => "@" + d.Name), Names(await Resolve(Schema, schemaType, "directives", Schema)));
    }

    [Fact]
    public async Task Type_fields_describe_each_kind()
    {
        var type = Introspection.TypeType;
        var project = Schema.GetType("Project")!;
        var currency = Schema.GetType("Currency")!;
        var dateTime = Schema.GetType("DateTime")!;
        var projectKey = Schema.GetType("ProjectKey")!;
        var listOfProject = new GraphQLNonNull(new GraphQLList(project));

        Assert.Equal(TypeKind.Object, await Resolve(Schema, type, "kind", project));
        Assert.Equal(TypeKind.NonNull, await Resolve(Schema, type, "kind", listOfProject));
        Assert.Equal("OBJECT", Introspection.TypeKindType.Serialize(TypeKind.Object));
        Assert.Equal("INPUT_OBJECT", Introspection.TypeKindType.Serialize(TypeKind.InputObject));
        Assert.Null(await Resolve(Schema, type, "name", listOfProject));
        Assert.Equal("[Project]", (await Resolve(Schema, type, "ofType", listOfProject))?.ToString());
        Assert.Equal("https://tools.ietf.org/html/rfc3339", await Resolve(Schema, type, "specifiedByURL", dateTime));
        Assert.Null(await Resolve(Schema, type, "specifiedByURL", project));

        Assert.Equal(["id", "name", "revenue", "tags"], Names(await Resolve(Schema, type, "fields", project, IncludeDeprecated(false))));
        Assert.Equal(["id", "name", "oldName", "legacyCode", "revenue", "tags"], Names(await Resolve(Schema, type, "fields", project, IncludeDeprecated(true))));
        Assert.Null(await Resolve(Schema, type, "fields", currency, IncludeDeprecated(false)));
        Assert.Equal(["Node", "Named"], Names(await Resolve(Schema, type, "interfaces", project)));
        Assert.Equal(["Project", "Person"], Names(await Resolve(Schema, type, "possibleTypes", Schema.GetType("Node"))));
        Assert.Null(await Resolve(Schema, type, "possibleTypes", project));
        Assert.Equal(["USD", "EUR"], Names(await Resolve(Schema, type, "enumValues", currency, IncludeDeprecated(false))));
        Assert.Equal(["USD", "EUR", "XYZ"], Names(await Resolve(Schema, type, "enumValues", currency, IncludeDeprecated(true))));
        Assert.Equal(["min", "max", "tags", "currency"], Names(await Resolve(Schema, type, "inputFields", Schema.GetType("RevenueFilter"), IncludeDeprecated(false))));
        Assert.Equal(true, await Resolve(Schema, type, "isOneOf", projectKey));
        Assert.Equal(false, await Resolve(Schema, type, "isOneOf", Schema.GetType("RevenueFilter")));
        Assert.Null(await Resolve(Schema, type, "isOneOf", project));
    }

    [Fact]
    public async Task Input_values_print_default_values_as_literals()
    {
        var revenue = ((GraphQLObjectType)Schema.GetType("Project")!).GetField("revenue")!;
        var inputValue = Introspection.InputValueType;
        Assert.Null(await Resolve(Schema, inputValue, "defaultValue", revenue.GetArgument("quarter")));
        Assert.Equal("USD", await Resolve(Schema, inputValue, "defaultValue", revenue.GetArgument("currency")));
        Assert.Equal("{min: 1.5, max: null, tags: [\"a\", \"b\"], currency: EUR}",
            await Resolve(Schema, inputValue, "defaultValue", revenue.GetArgument("filter")));
        Assert.Equal("\"No longer supported\"",
            await Resolve(Schema, inputValue, "defaultValue", GraphQLDirective.Deprecated.GetArgument("reason")));
    }

    [Fact]
    public async Task Fields_arguments_and_deprecation()
    {
        var friends = ((GraphQLObjectType)Schema.GetType("Person")!).GetField("friends")!;
        var field = Introspection.FieldType;
        Assert.Equal(["first"], Names(await Resolve(Schema, field, "args", friends, IncludeDeprecated(false))));
        Assert.Equal(["first", "after"], Names(await Resolve(Schema, field, "args", friends, IncludeDeprecated(true))));
        Assert.Equal("[Person!]", (await Resolve(Schema, field, "type", friends))?.ToString());

        var oldName = ((GraphQLObjectType)Schema.GetType("Project")!).GetField("oldName")!;
        Assert.Equal(true, await Resolve(Schema, field, "isDeprecated", oldName));
        Assert.Equal("No longer supported", await Resolve(Schema, field, "deprecationReason", oldName));
    }

    [Fact]
    public async Task Directives_expose_locations_and_repeatability()
    {
        var cached = Schema.GetDirective("cached")!;
        var directive = Introspection.DirectiveType;
        Assert.Equal(true, await Resolve(Schema, directive, "isRepeatable", cached));
        var locations = (IEnumerable<DirectiveLocation>)(await Resolve(Schema, directive, "locations", cached))!;
        Assert.Equal(["FIELD_DEFINITION", "OBJECT"], locations.Select(l => Introspection.DirectiveLocationType.Serialize(l)));
    }

    [Fact]
    public async Task Meta_fields_resolve_against_the_schema()
    {
        var query = Schema.QueryType!;
        var schemaContext = ResolverTestContext.For(Schema, query, Introspection.SchemaMetaFieldDef, null);
        Assert.Same(Schema, await Introspection.SchemaMetaFieldDef.Resolver!(schemaContext));

        var typeContext = ResolverTestContext.For(Schema, query, Introspection.TypeMetaFieldDef, null,
            new Dictionary<string, object?> { ["name"] = "Currency" });
        Assert.Same(Schema.GetType("Currency"), await Introspection.TypeMetaFieldDef.Resolver!(typeContext));
        Assert.Equal("__type(name: String!): __Type", $"{Introspection.TypeMetaFieldDef.Name}(name: {Introspection.TypeMetaFieldDef.Args[0].Type}): {Introspection.TypeMetaFieldDef.Type}");

        var typeNameContext = ResolverTestContext.For(Schema, (GraphQLObjectType)Schema.GetType("Person")!, Introspection.TypeNameMetaFieldDef, null);
        Assert.Equal("Person", await Introspection.TypeNameMetaFieldDef.Resolver!(typeNameContext));
    }

    [Fact]
    public void Recognises_introspection_types()
    {
        Assert.True(Introspection.IsIntrospectionType(Introspection.TypeType));
        Assert.False(Introspection.IsIntrospectionType(Scalars.String));
        Assert.Equal(8, Introspection.IntrospectionTypes.Count);
    }
}
