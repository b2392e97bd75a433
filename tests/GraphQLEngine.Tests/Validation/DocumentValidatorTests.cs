using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;
using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Tests.Validation;

/// <summary>graphql-js's <c>validation-test.ts</c>, and the validator's own guarantees.</summary>
public sealed class DocumentValidatorTests
{
    private const string ThreeUnknownFields = """

        {
          firstUnknownField
          secondUnknownField
          thirdUnknownField
        }
        """;

    [Fact]
    public void Validates_queries_with_every_specified_rule()
    {
        var document = Parser.Parse("""
            query {
              human {
                pets {
                  ... on Cat {
                    meowsVolume
                  }
                  ... on Dog {
                    barkVolume
                  }
                }
              }
            }
            """);
        Assert.Empty(DocumentValidator.Validate(ValidationHarness.TestSchema, document));
    }

    [Fact]
    public void Detects_unknown_fields()
    {
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse("\n{\n  unknown\n}\n"));
        ValidationHarness.AssertErrors([new("Cannot query field \"unknown\" on type \"QueryRoot\".", (3, 3))], errors);
    }

    [Fact]
    public void Validates_using_a_custom_rule()
    {
        var schema = SdlSchemaBuilder.Build("""
            directive @custom(arg: String) on FIELD

            type Query {
              foo: String
            }
            """);
        ValidationRule customRule = context => new DirectiveReporter(context);
        var errors = DocumentValidator.Validate(schema, Parser.Parse("query {\n  name @custom\n}"), [customRule]);
        ValidationHarness.AssertErrors([new("Reporting directive: @custom", (2, 8))], errors);
    }

    [Fact]
    public void Keeps_every_error_when_the_limit_equals_their_number()
    {
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(ThreeUnknownFields), maxErrors: 3);
        Assert.Equal(
            ["Cannot query field \"firstUnknownField\" on type \"QueryRoot\".",
             "Cannot query field \"secondUnknownField\" on type \"QueryRoot\".",
             "Cannot query field \"thirdUnknownField\" on type \"QueryRoot\"."],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Stops_with_a_notice_when_the_limit_is_below_their_number()
    {
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(ThreeUnknownFields), maxErrors: 2);
        Assert.Equal(
            ["Cannot query field \"firstUnknownField\" on type \"QueryRoot\".",
             "Cannot query field \"secondUnknownField\" on type \"QueryRoot\".",
             "Too many validation errors, error limit reached. Validation aborted."],
            errors.Select(e => e.Message));
        Assert.Empty(errors[^1].Locations);
    }

    [Fact]
    public void Stops_at_the_default_limit_of_one_hundred()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 150).Select(i => $"unknown{i}")) + " }";
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(query));
        Assert.Equal(101, errors.Count);
        Assert.Equal(DocumentValidator.TooManyErrorsMessage, errors[^1].Message);
    }

    [Fact]
    public void Passes_through_exceptions_from_rules()
    {
        ValidationRule throwing = _ => new ThrowingOnField();
        var exception = Assert.Throws<InvalidOperationException>(() =>
            DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(ThreeUnknownFields), [throwing], maxErrors: 1));
        Assert.Equal("Error from custom rule!", exception.Message);
    }

    [Fact]
    public void Refuses_an_invalid_schema()
    {
        var emptyObject = new GraphQLObjectType("Query", Array.Empty<FieldDefinition>());
        var schema = new GraphQLSchema(emptyObject);
        Assert.Throws<GraphQLSchemaValidationException>(() => DocumentValidator.Validate(schema, Parser.Parse("{ a }")));
    }

    [Fact]
    public void Reports_the_original_error_of_a_custom_scalar_that_throws()
    {
        var invalid = new GraphQLScalarType("Invalid")
        {
            ValueParser = value => throw new InvalidOperationException($"Invalid scalar is always invalid: {GraphQLEngine.Utilities.Inspector.Inspect(value)}"),
        };
        var query = new GraphQLObjectType("Query",
        [
            new FieldDefinition("invalidArg", Scalars.String) { Args = [new ArgumentDefinition("arg", invalid)] },
        ]);
        var errors = ValidationHarness.Validate(new GraphQLSchema(query), ValuesOfCorrectTypeRule.Create, "{ invalidArg(arg: 123) }");
        ValidationHarness.AssertErrors(
            [new("Expected value of type \"Invalid\", found 123; Invalid scalar is always invalid: 123", (1, 19))], errors);
        Assert.Equal("Invalid scalar is always invalid: 123", errors[0].OriginalError?.Message);
    }

    private sealed class DirectiveReporter(ValidationContext context) : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is DirectiveNode directive)
                context.ReportError(new GraphQLError("Reporting directive: " + context.GetDirective(), [directive]));
            return VisitAction.Continue;
        }
    }

    private sealed class ThrowingOnField : AstVisitor
    {
        public override VisitAction Enter(Node node, AstWalkContext walk) =>
            node is FieldNode ? throw new InvalidOperationException("Error from custom rule!") : VisitAction.Continue;
    }
}
