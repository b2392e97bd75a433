using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

// Follows graphql-js 16's src/utilities/__tests__/TypeInfo-test.ts: records what TypeInfo reports on entering nodes.
public class TypeInfoTests
{
    private static readonly GraphQLSchema Schema = SampleSchema.Create();

    private sealed class Recorder(TypeInfo typeInfo, Func<Node, TypeInfo, string?> describe) : AstVisitor
    {
        public List<string> Entries { get; } = [];

        public override VisitAction Enter(Node node, AstWalkContext context)
        {
            if (describe(node, typeInfo) is { } entry) Entries.Add(entry);
            return VisitAction.Continue;
        }
    }

    private static List<string> Record(string document, Func<Node, TypeInfo, string?> describe)
    {
        var typeInfo = new TypeInfo(Schema);
        var recorder = new Recorder(typeInfo, describe);
        AstWalker.Walk(Parser.Parse(document), new TypeInfoVisitor(typeInfo, recorder));
        return recorder.Entries;
    }

    [Fact]
    public void Tracks_parent_type_field_definition_and_type_through_fragments()
    {
        var entries = Record("""
            query {
              search(text: "x") {
                __typename
                ... on Project { id name revenue(quarter: "2025Q3") }
                ...P
              }
              __schema { queryType { name } }
              __type(name: "Node") { kind }
            }
            fragment P on Person { friends { id } unknown }
            """,
            (node, info) => node is FieldNode field
                ? $"{info.ParentType?.Name}.{field.Name.Value}: {info.Type?.ToString() ?? "?"} ({info.FieldDef?.Name ?? "no def"})"
                : null);
        Assert.Equal(
        [
            "Query.search: [SearchResult!]! (search)",
            "SearchResult.__typename: String! (__typename)",
            "Project.id: ID! (id)",
            "Project.name: String (name)",
            "Project.revenue: [Float!]! (revenue)",
            "Query.__schema: __Schema! (__schema)",
            "__Schema.queryType: __Type! (queryType)",
            "__Type.name: String (name)",
            "Query.__type: __Type (__type)",
            "__Type.kind: __TypeKind! (kind)",
            "Person.friends: [Person!] (friends)",
            "Person.id: ID! (id)",
            "Person.unknown: ? (no def)",
        ], entries);
    }

    [Fact]
    public void Meta_fields_schema_and_type_exist_only_on_the_query_root()
    {
        var entries = Record("mutation { touch(id: 1) { __schema { description } __typename } }",
            (node, info) => node is FieldNode field ? $"{field.Name.Value}={info.FieldDef?.Name ?? "none"}" : null);
        Assert.Equal(["touch=touch", "__schema=none", "description=none", "__typename=__typename"], entries);
    }

    [Fact]
    public void Tracks_input_types_arguments_defaults_and_enum_values()
    {
        var entries = Record("""
            query ($q: String!) {
              search(text: $q, key: {slug: "s"}) { __typename }
              node(id: 1) { ... on Project { revenue(quarter: $q, currency: EUR, filter: {tags: ["a"], currency: USD}) } }
            }
            """,
            (node, info) => node switch
            {
                VariableDefinitionNode v => $"var {v.Variable.Name.Value}: {info.InputType}",
                ArgumentNode a => $"arg {a.Name.Value}: {info.InputType} default={Describe(info.DefaultValue)} def={info.Argument?.Name}",
                ObjectFieldNode f => $"field {f.Name.Value}: {info.InputType} in {info.ParentInputType} default={Describe(info.DefaultValue)}",
                ListValueNode => $"list of {info.InputType}",
                StringValueNode s when info.ParentInputType is GraphQLList => $"item \"{s.Value}\": {info.InputType}",
                EnumValueNode e => $"enum {e.Value} -> {info.EnumValue?.Name ?? "?"}",
                _ => null,
            });
        Assert.Equal(
        [
            "var q: String!",
            "arg text: String! default=undefined def=text",
            "arg key: ProjectKey default=undefined def=key",
            "field slug: String in ProjectKey default=undefined",
            "arg id: ID! default=undefined def=id",
            "arg quarter: String! default=undefined def=quarter",
            "arg currency: Currency default=\"USD\" def=currency",
            "enum EUR -> EUR",
            "arg filter: RevenueFilter default={ min: 1.5, max: null, tags: [\"a\", \"b\"], currency: \"EUR\" } def=filter",
            "field tags: [String!] in RevenueFilter default=undefined",
            "list of String!",
            "item \"a\": String!",
            "field currency: Currency! in RevenueFilter default=\"EUR\"",
            "enum USD -> USD",
        ], entries);
    }

    [Fact]
    public void Tracks_directives_and_their_arguments()
    {
        var entries = Record("query @tag(name: \"t\") { when @skip(if: true) @unknown(x: 1) }",
            (node, info) => node is ArgumentNode a ? $"@{info.Directive?.Name ?? "?"}({a.Name.Value}: {info.InputType?.ToString() ?? "?"})" : null);
        Assert.Equal(["@tag(name: String!)", "@skip(if: Boolean!)", "@?(x: ?)"], entries);
    }

    [Fact]
    public void Starts_from_an_initial_type()
    {
        var typeInfo = new TypeInfo(Schema, Schema.GetType("Project"));
        Assert.Same(Schema.GetType("Project"), typeInfo.Type);
        Assert.Same(Schema.GetType("Project"), typeInfo.ParentType);
        Assert.Null(typeInfo.InputType);
    }

    private static string Describe(object? value) => Inspector.Inspect(value);
}
