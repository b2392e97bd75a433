using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Tests.Validation.Harness;

/// <summary>An error as graphql-js's validation tests state it: message and line/column locations.</summary>
public sealed record ExpectedError(string Message, params (int Line, int Column)[] Locations)
{
    public override string ToString() =>
        $"{Message} @ [{string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))}]";
}

/// <summary>
/// The schema and helpers of graphql-js 16's <c>src/validation/__tests__/harness.ts</c>: run one rule over a
/// document and compare the errors (message and locations, in order) with what graphql-js reports.
/// </summary>
public static class ValidationHarness
{
    /// <summary>graphql-js 16.11's <c>testSchema</c>.</summary>
    public const string TestSchemaSdl = """
        interface Mammal {
          mother: Mammal
          father: Mammal
        }

        interface Pet {
          name(surname: Boolean): String
        }

        interface Canine implements Mammal {
          name(surname: Boolean): String
          mother: Canine
          father: Canine
        }

        enum DogCommand {
          SIT
          HEEL
          DOWN
        }

        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }

        type Cat implements Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowsVolume: Int
          furColor: FurColor
        }

        union CatOrDog = Cat | Dog

        type Human {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]
        }

        enum FurColor {
          BROWN
          BLACK
          TAN
          SPOTTED
          NO_FUR
          UNKNOWN
        }

        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }

        input OneOfInput @oneOf {
          stringField: String
          intField: Int
        }

        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }

        type QueryRoot {
          human(id: ID): Human
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          complicatedArgs: ComplicatedArgs
        }

        schema {
          query: QueryRoot
        }

        directive @onField on FIELD
        """;

    private static readonly Lazy<GraphQLSchema> LazyTestSchema = new(() => SdlSchemaBuilder.Build(TestSchemaSdl));

    public static GraphQLSchema TestSchema => LazyTestSchema.Value;

    /// <summary>Runs <paramref name="rule"/> alone over <paramref name="query"/> against <paramref name="schema"/>.</summary>
    public static IReadOnlyList<GraphQLError> Validate(GraphQLSchema schema, ValidationRule rule, string query) =>
        DocumentValidator.Validate(schema, Parser.Parse(query), [rule]);

    /// <summary>Asserts the exact errors (messages and locations, in order) of one rule against the test schema.</summary>
    public static void ExpectErrors(ValidationRule rule, string query, params ExpectedError[] expected) =>
        ExpectErrorsWithSchema(TestSchema, rule, query, expected);

    public static void ExpectErrorsWithSchema(GraphQLSchema schema, ValidationRule rule, string query, params ExpectedError[] expected) =>
        AssertErrors(expected, Validate(schema, rule, query));

    /// <summary>Asserts that the rule finds nothing wrong.</summary>
    public static void ExpectValid(ValidationRule rule, string query) => ExpectErrors(rule, query);

    public static void ExpectValidWithSchema(GraphQLSchema schema, ValidationRule rule, string query) =>
        ExpectErrorsWithSchema(schema, rule, query);

    /// <summary>Compares as text so that a failure shows both lists whole.</summary>
    public static void AssertErrors(IReadOnlyList<ExpectedError> expected, IReadOnlyList<GraphQLError> actual)
    {
        var actualAsExpected = actual
            .Select(e => new ExpectedError(e.Message, e.Locations.Select(l => (l.Line, l.Column)).ToArray()).ToString());
        Assert.Equal(
            string.Join("\n", expected.Select(e => e.ToString())),
            string.Join("\n", actualAsExpected));
    }
}
