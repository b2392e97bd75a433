using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;
using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Tests.Validation.GraphQLJs;

/// <summary>
/// Every document of graphql-js 16.11's rule tests, run through the same rule against the same schema: the errors
/// (messages, locations and order) must be graphql-js's.
/// </summary>
public sealed class GraphQLJsValidationTests
{
    private static readonly Dictionary<string, ValidationRule> Rules = new()
    {
        ["ExecutableDefinitionsRule"] = ExecutableDefinitionsRule.Create,
        ["UniqueOperationNamesRule"] = UniqueOperationNamesRule.Create,
        ["LoneAnonymousOperationRule"] = LoneAnonymousOperationRule.Create,
        ["SingleFieldSubscriptionsRule"] = SingleFieldSubscriptionsRule.Create,
        ["KnownTypeNamesRule"] = KnownTypeNamesRule.Create,
        ["FragmentsOnCompositeTypesRule"] = FragmentsOnCompositeTypesRule.Create,
        ["VariablesAreInputTypesRule"] = VariablesAreInputTypesRule.Create,
        ["ScalarLeafsRule"] = ScalarLeafsRule.Create,
        ["FieldsOnCorrectTypeRule"] = FieldsOnCorrectTypeRule.Create,
        ["UniqueFragmentNamesRule"] = UniqueFragmentNamesRule.Create,
        ["KnownFragmentNamesRule"] = KnownFragmentNamesRule.Create,
        ["NoUnusedFragmentsRule"] = NoUnusedFragmentsRule.Create,
        ["PossibleFragmentSpreadsRule"] = PossibleFragmentSpreadsRule.Create,
        ["NoFragmentCyclesRule"] = NoFragmentCyclesRule.Create,
        ["UniqueVariableNamesRule"] = UniqueVariableNamesRule.Create,
        ["NoUndefinedVariablesRule"] = NoUndefinedVariablesRule.Create,
        ["NoUnusedVariablesRule"] = NoUnusedVariablesRule.Create,
        ["KnownDirectivesRule"] = KnownDirectivesRule.Create,
        ["UniqueDirectivesPerLocationRule"] = UniqueDirectivesPerLocationRule.Create,
        ["KnownArgumentNamesRule"] = KnownArgumentNamesRule.Create,
        ["UniqueArgumentNamesRule"] = UniqueArgumentNamesRule.Create,
        ["ValuesOfCorrectTypeRule"] = ValuesOfCorrectTypeRule.Create,
        ["ProvidedRequiredArgumentsRule"] = ProvidedRequiredArgumentsRule.Create,
        ["VariablesInAllowedPositionRule"] = VariablesInAllowedPositionRule.Create,
        ["UniqueInputFieldNamesRule"] = UniqueInputFieldNamesRule.Create,
        ["MaxIntrospectionDepthRule"] = MaxIntrospectionDepthRule.Create,
        ["NoDeprecatedCustomRule"] = NoDeprecatedCustomRule.Create,
        ["NoSchemaIntrospectionCustomRule"] = NoSchemaIntrospectionCustomRule.Create,
    };

    // Schemas graphql-js builds in code with behaviour SDL cannot express.
    private static readonly Dictionary<string, GraphQLScalarType> CustomScalars = new()
    {
        ["CustomScalar"] = new GraphQLScalarType("CustomScalar") { ValueParser = _ => Undefined.Value },
    };

    private static readonly Lazy<GraphQLSchema>[] Schemas = GraphQLJsValidationCases.Schemas
        .Select(sdl => new Lazy<GraphQLSchema>(() => SdlSchemaBuilder.Build(sdl, CustomScalars)))
        .ToArray();

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < GraphQLJsValidationCases.All.Length; i++)
            data.Add(i, $"{GraphQLJsValidationCases.All[i].Rule}: {GraphQLJsValidationCases.All[i].Test}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_what_graphql_js_reports(int index, string title)
    {
        var testCase = GraphQLJsValidationCases.All[index];
        Assert.True(Rules.TryGetValue(testCase.Rule, out var rule), $"No rule registered for {title}");
        var schema = testCase.SchemaIndex < 0 ? ValidationHarness.TestSchema : Schemas[testCase.SchemaIndex].Value;
        ValidationHarness.AssertErrors(testCase.Errors, ValidationHarness.Validate(schema, rule, testCase.Query));
    }
}
