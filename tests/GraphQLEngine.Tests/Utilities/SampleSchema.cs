using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

/// <summary>A schema using every kind of type, directive feature and default value, built with the raw definition API.</summary>
internal static class SampleSchema
{
    public static GraphQLSchema Create()
    {
        var cacheScope = new GraphQLEnumType("CacheScope", [new EnumValueDefinition("PUBLIC"), new EnumValueDefinition("PRIVATE")]);
        var cached = new GraphQLDirective("cached", [DirectiveLocation.FieldDefinition, DirectiveLocation.Object])
        {
            Description = "Directive with args",
            IsRepeatable = true,
            Args =
            [
                new ArgumentDefinition("ttl", Scalars.Int) { Description = "Seconds to keep", DefaultValue = 60 },
                new ArgumentDefinition("scope", cacheScope) { DefaultValue = "PUBLIC" },
            ],
        };
        var tag = new GraphQLDirective("tag", [DirectiveLocation.Field, DirectiveLocation.Query])
        {
            Args = [new ArgumentDefinition("name", new GraphQLNonNull(Scalars.String))],
        };

        var dateTime = new GraphQLScalarType("DateTime")
        {
            Description = "A moment in time",
            SpecifiedByUrl = "https://tools.ietf.org/html/rfc3339",
        };
        var json = new GraphQLScalarType("JSON");

        var node = new GraphQLInterfaceType("Node", [new FieldDefinition("id", new GraphQLNonNull(Scalars.ID))])
        {
            Description = "Something with an id.\n\nSecond paragraph.",
        };
        var named = new GraphQLInterfaceType("Named",
        [
            new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new FieldDefinition("name", Scalars.String)
            {
                Description = "The name",
                Args = [new ArgumentDefinition("upper", Scalars.Boolean) { DefaultValue = false }],
            },
        ], [node]);

        var currency = new GraphQLEnumType("Currency",
        [
            new EnumValueDefinition("USD"),
            new EnumValueDefinition("EUR") { Description = "Euro" },
            new EnumValueDefinition("XYZ") { DeprecationReason = "Gone" },
        ])
        {
            Description = "Currencies",
        };

        var revenueFilter = new GraphQLInputObjectType("RevenueFilter",
        [
            new InputFieldDefinition("min", Scalars.Float),
            new InputFieldDefinition("max", Scalars.Float) { DefaultValue = null },
            new InputFieldDefinition("tags", new GraphQLList(new GraphQLNonNull(Scalars.String))),
            new InputFieldDefinition("currency", new GraphQLNonNull(currency)) { DefaultValue = "EUR" },
            new InputFieldDefinition("old", Scalars.String) { DeprecationReason = GraphQLDirective.DefaultDeprecationReason },
        ]);
        var projectKey = new GraphQLInputObjectType("ProjectKey",
        [
            new InputFieldDefinition("id", Scalars.ID),
            new InputFieldDefinition("slug", Scalars.String),
        ])
        {
            IsOneOf = true,
        };

        var project = new GraphQLObjectType("Project", () =>
        [
            new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new FieldDefinition("name", Scalars.String) { Args = [new ArgumentDefinition("upper", Scalars.Boolean) { DefaultValue = false }] },
            new FieldDefinition("oldName", Scalars.String) { DeprecationReason = GraphQLDirective.DefaultDeprecationReason },
            new FieldDefinition("legacyCode", Scalars.Int) { DeprecationReason = "Use `code` instead." },
            new FieldDefinition("revenue", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Scalars.Float))))
            {
                Args =
                [
                    new ArgumentDefinition("quarter", new GraphQLNonNull(Scalars.String)) { Description = "The quarter, like \"2025Q3\"." },
                    new ArgumentDefinition("currency", currency) { DefaultValue = "USD" },
                    new ArgumentDefinition("filter", revenueFilter)
                    {
                        DefaultValue = ValueFromAst.Convert(Parser.ParseConstValue("{min: 1.5, tags: [\"a\", \"b\"]}"), revenueFilter),
                    },
                ],
            },
            new FieldDefinition("tags", new GraphQLList(Scalars.String)),
        ], () => [node, named]);

        GraphQLObjectType person = null!;
        person = new GraphQLObjectType("Person", () =>
        [
            new FieldDefinition("id", new GraphQLNonNull(Scalars.ID)),
            new FieldDefinition("friends", new GraphQLList(new GraphQLNonNull(person)))
            {
                Args =
                [
                    new ArgumentDefinition("first", Scalars.Int) { DefaultValue = 10 },
                    new ArgumentDefinition("after", Scalars.String) { DeprecationReason = "Use first" },
                ],
            },
        ], () => [node]);

        var searchResult = new GraphQLUnionType("SearchResult", [project, person]);

        var query = new GraphQLObjectType("Query",
        [
            new FieldDefinition("node", node) { Args = [new ArgumentDefinition("id", new GraphQLNonNull(Scalars.ID))] },
            new FieldDefinition("search", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(searchResult))))
            {
                Args =
                [
                    new ArgumentDefinition("text", new GraphQLNonNull(Scalars.String)),
                    new ArgumentDefinition("key", projectKey),
                ],
            },
            new FieldDefinition("when", dateTime),
            new FieldDefinition("raw", json),
        ]);
        var mutation = new GraphQLObjectType("Mutation",
        [
            new FieldDefinition("touch", project) { Args = [new ArgumentDefinition("id", new GraphQLNonNull(Scalars.ID))] },
        ]);

        return new GraphQLSchema(
            query,
            mutation,
            types: [dateTime, json, node, named, project, person, searchResult, currency, cacheScope, revenueFilter, projectKey, query, mutation],
            directives: [.. GraphQLDirective.SpecifiedDirectives, cached, tag]);
    }
}
