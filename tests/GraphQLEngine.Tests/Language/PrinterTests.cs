using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

public class PrinterTests
{
    [Fact]
    public void Prints_an_anonymous_query_in_short_form()
    {
        Assert.Equal("{\n  id\n  name\n}", Printer.Print(Parser.Parse("query { id, name }")));
        Assert.Equal("query Q {\n  id\n}", Printer.Print(Parser.Parse("query Q { id }")));
        Assert.Equal("mutation {\n  id\n}", Printer.Print(Parser.Parse("mutation { id }")));
    }

    [Fact]
    public void Prints_a_document_with_every_executable_construct()
    {
        const string source = """
            query Q($a: [Int!]! = [1], $b: In @v) @op {
              alias: f(a: $a, s: "x\ny", o: {k: ENUM, n: null, b: true}) @include(if: $b) {
                ...F
                ... on T @d {
                  g
                }
                ... {
                  h
                }
              }
            }

            fragment F on T @d {
              f(x: 1.5e3)
            }
            """;
        var expected = source.Replace("\"x\ny\"", "\"x\\ny\"");
        Assert.Equal(expected, Printer.Print(Parser.Parse(source.Replace("\"x\ny\"", "\"x\\ny\""))));
    }

    [Fact]
    public void Wraps_arguments_when_the_line_exceeds_eighty_characters()
    {
        var document = Parser.Parse("{ someField(argumentNumberOne: \"a long value\", argumentNumberTwo: \"another long value\") }");
        Assert.Equal(
            "{\n  someField(\n    argumentNumberOne: \"a long value\"\n    argumentNumberTwo: \"another long value\"\n  )\n}",
            Printer.Print(document));
    }

    [Fact]
    public void Prints_block_strings_indented_with_their_field()
    {
        var document = Parser.Parse("{ f(a: \"\"\"\n  line one\n    line two\n\"\"\") }");
        Assert.Equal("{\n  f(a: \"\"\"\n  line one\n    line two\n  \"\"\")\n}", Printer.Print(document));
    }

    [Fact]
    public void Prints_type_system_definitions_with_descriptions()
    {
        const string source = """"
            "Scalar"
            scalar Date @specifiedBy(url: "u")

            """
            Multi-line
            description
            """
            type T implements I & J @k {
              "field"
              f(
                """arg"""
                a: Int = 1 @d
                b: String
              ): [T!]
              g(a: Int): Int @deprecated
            }

            union U = A | B

            enum E {
              A
              B @deprecated(reason: "r")
            }

            input In {
              a: Int = 1
            }

            directive @d(a: Int) repeatable on FIELD | QUERY

            schema @s {
              query: T
            }

            extend type T @k

            extend union U = C
            """";
        Assert.Equal(source, Printer.Print(Parser.Parse(source)));
    }

    [Fact]
    public void Prints_quoted_strings_with_graphql_escapes()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\t\\u0001\\u007F\u00e9\"", Printer.PrintString("a\"b\\c\n\t\u0001\u007f\u00e9"));
        Assert.Equal("\"\"\"block\"\"\"", Printer.PrintBlockString("block"));
    }

    [Fact]
    public void Prints_values_and_types_on_their_own()
    {
        Assert.Equal("[1, \"a\", {b: $v}]", Printer.Print(Parser.ParseValue("[1 \"a\" {b: $v}]")));
        Assert.Equal("[Int!]!", Printer.Print(Parser.ParseType("[ Int ! ] !")));
    }

    [Fact]
    public void Prints_nodes_built_in_code()
    {
        var field = new FieldNode
        {
            Name = new NameNode("user"),
            Arguments = [new ArgumentNode(new NameNode("id"), new IntValueNode("4"))],
        };
        var operation = new OperationDefinitionNode
        {
            Operation = OperationType.Query,
            SelectionSet = new SelectionSetNode([field]),
        };
        Assert.Equal("{\n  user(id: 4)\n}", Printer.Print(new DocumentNode([operation])));
    }
}
