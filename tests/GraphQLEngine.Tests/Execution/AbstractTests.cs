using GraphQLEngine.Type;
using static GraphQLEngine.Tests.Execution.ExecutionTestKit;

namespace GraphQLEngine.Tests.Execution;

/// <summary>
/// graphql-js abstract-test: interfaces and unions resolved by <c>IsTypeOf</c>, by a type resolver, or not at
/// all, with graphql-js's error messages; expected outputs produced by graphql-js 16.11.
/// </summary>
public class AbstractTests
{
    [Theory]
    [InlineData("isTypeOf", "{ pets { __typename name ... on Dog { woofs } ... on Cat { meows } } }", """{"errors":[{"message":"Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pets\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["pets",2]}],"data":{"pets":[{"__typename":"Dog","name":"Odie","woofs":true},{"__typename":"Cat","name":"Garfield","meows":false},null]}}""")]
    [InlineData("isTypeOf", "{ catOrDogs { __typename ... on Dog { name woofs } ... on Cat { name meows } } }", """{"data":{"catOrDogs":[{"__typename":"Dog","name":"Odie","woofs":true},{"__typename":"Cat","name":"Garfield","meows":false}]}}""")]
    [InlineData("noResolver", "{ pets { __typename name ... on Dog { woofs } ... on Cat { meows } } }", """{"errors":[{"message":"Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pets\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["pets",0]},{"message":"Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pets\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["pets",1]},{"message":"Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pets\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["pets",2]}],"data":{"pets":[null,null,null]}}""")]
    [InlineData("noResolver", "{ catOrDogs { __typename ... on Dog { name woofs } ... on Cat { name meows } } }", """{"errors":[{"message":"Abstract type \"CatOrDog\" must resolve to an Object type at runtime for field \"Query.catOrDogs\". Either the \"CatOrDog\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["catOrDogs",0]}],"data":{"catOrDogs":null}}""")]
    [InlineData("resolveTypeByField", "{ pets { __typename name ... on Dog { woofs } ... on Cat { meows } } }", """{"errors":[{"message":"Runtime Object type \"Human\" is not a possible type for \"Pet\".","locations":[{"line":1,"column":3}],"path":["pets",2]}],"data":{"pets":[{"__typename":"Dog","name":"Odie","woofs":true},{"__typename":"Cat","name":"Garfield","meows":false},null]}}""")]
    [InlineData("resolveTypeByField", "{ catOrDogs { __typename ... on Dog { name woofs } ... on Cat { name meows } } }", """{"data":{"catOrDogs":[{"__typename":"Dog","name":"Odie","woofs":true},{"__typename":"Cat","name":"Garfield","meows":false}]}}""")]
    [InlineData("resolveTypeUnknown", "{ pets { __typename name ... on Dog { woofs } ... on Cat { meows } } }", """{"errors":[{"message":"Abstract type \"Pet\" was resolved to a type \"Nope\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["pets",1]},{"message":"Abstract type \"Pet\" was resolved to a type \"Nope\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["pets",2]}],"data":{"pets":[{"__typename":"Dog","name":"Odie","woofs":true},null,null]}}""")]
    [InlineData("resolveTypeUnknown", "{ catOrDogs { __typename ... on Dog { name woofs } ... on Cat { name meows } } }", """{"errors":[{"message":"Abstract type \"CatOrDog\" was resolved to a type \"Nope\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["catOrDogs",1]}],"data":{"catOrDogs":null}}""")]
    [InlineData("resolveTypeNonObject", "{ pets { __typename name ... on Dog { woofs } ... on Cat { meows } } }", """{"errors":[{"message":"Abstract type \"Pet\" was resolved to a non-object type \"Pet\".","locations":[{"line":1,"column":3}],"path":["pets",1]},{"message":"Abstract type \"Pet\" was resolved to a non-object type \"Pet\".","locations":[{"line":1,"column":3}],"path":["pets",2]}],"data":{"pets":[{"__typename":"Dog","name":"Odie","woofs":true},null,null]}}""")]
    [InlineData("resolveTypeNonObject", "{ catOrDogs { __typename ... on Dog { name woofs } ... on Cat { name meows } } }", """{"errors":[{"message":"Abstract type \"CatOrDog\" was resolved to a non-object type \"Pet\".","locations":[{"line":1,"column":3}],"path":["catOrDogs",1]}],"data":{"catOrDogs":null}}""")]
    [InlineData("resolveTypeString", "{ pets { __typename name ... on Dog { woofs } ... on Cat { meows } } }", """{"errors":[{"message":"Abstract type \"Pet\" was resolved to a non-object type \"String\".","locations":[{"line":1,"column":3}],"path":["pets",1]},{"message":"Abstract type \"Pet\" was resolved to a non-object type \"String\".","locations":[{"line":1,"column":3}],"path":["pets",2]}],"data":{"pets":[{"__typename":"Dog","name":"Odie","woofs":true},null,null]}}""")]
    [InlineData("resolveTypeString", "{ catOrDogs { __typename ... on Dog { name woofs } ... on Cat { name meows } } }", """{"errors":[{"message":"Abstract type \"CatOrDog\" was resolved to a non-object type \"String\".","locations":[{"line":1,"column":3}],"path":["catOrDogs",1]}],"data":{"catOrDogs":null}}""")]
    public async Task Resolves_abstract_types_as_graphql_js_does(string variant, string query, string expected)
    {
        TypeResolver? resolveType = variant switch
        {
            "resolveTypeByField" => (o, _, _) => Has(o, "woofs") ? "Dog" : Has(o, "meows") ? "Cat" : "Human",
            "resolveTypeUnknown" => (o, _, _) => Has(o, "woofs") ? "Dog" : "Nope",
            "resolveTypeNonObject" => (o, _, _) => Has(o, "woofs") ? "Dog" : "Pet",
            "resolveTypeString" => (o, _, _) => Has(o, "woofs") ? "Dog" : "String",
            _ => null,
        };
        var isTypeOf = variant == "isTypeOf";
        var pet = new GraphQLInterfaceType("Pet", [new FieldDefinition("name", Scalars.String)]) { ResolveType = resolveType };
        var dog = new GraphQLObjectType("Dog", [new FieldDefinition("name", Scalars.String), new FieldDefinition("woofs", Scalars.Boolean)], [pet])
        {
            IsTypeOf = isTypeOf ? (o, _) => Has(o, "woofs") : null,
        };
        var cat = new GraphQLObjectType("Cat", [new FieldDefinition("name", Scalars.String), new FieldDefinition("meows", Scalars.Boolean)], [pet])
        {
            IsTypeOf = isTypeOf ? (o, _) => Has(o, "meows") : null,
        };
        var human = new GraphQLObjectType("Human", [new FieldDefinition("name", Scalars.String)]);
        var catOrDog = new GraphQLUnionType("CatOrDog", [dog, cat]) { ResolveType = resolveType };
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("pets", new GraphQLList(pet))
            {
                Resolver = Value(new[] { Map(("name", "Odie"), ("woofs", true)), Map(("name", "Garfield"), ("meows", false)), Map(("name", "Jon")) }),
            },
            new FieldDefinition("catOrDogs", new GraphQLList(new GraphQLNonNull(catOrDog)))
            {
                Resolver = Value(new[] { Map(("name", "Odie"), ("woofs", true)), Map(("name", "Garfield"), ("meows", false)) }),
            },
        ]), types: [cat, dog, human]);

        Assert.Equal(expected, await ExecuteJson(schema, query));
    }

    [Fact]
    public async Task Uses_the_typename_entry_of_a_map_by_default()
    {
        var pet = new GraphQLInterfaceType("Pet", [new FieldDefinition("name", Scalars.String)]);
        var dog = new GraphQLObjectType("Dog", [new FieldDefinition("name", Scalars.String)], [pet]);
        var schema = new GraphQLSchema(new GraphQLObjectType("Query",
        [
            new FieldDefinition("pet", pet) { Resolver = Value(Map(("__typename", "Dog"), ("name", "Odie"))) },
        ]), types: [dog]);
        Assert.Equal("""{"data":{"pet":{"__typename":"Dog","name":"Odie"}}}""", await ExecuteJson(schema, "{ pet { __typename name } }"));
    }

    private static bool Has(object? value, string key) => value is Dictionary<string, object?> map && map.ContainsKey(key);
}
