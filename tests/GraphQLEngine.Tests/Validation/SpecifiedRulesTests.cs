using GraphQLEngine.Validation;

namespace GraphQLEngine.Tests.Validation;

public sealed class SpecifiedRulesTests
{
    [Fact]
    public void Lists_graphql_js_16_specified_rules_in_its_order()
    {
        string[] graphqlJsOrder =
        [
            "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule", "SingleFieldSubscriptionsRule",
            "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule", "VariablesAreInputTypesRule", "ScalarLeafsRule",
            "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule", "KnownFragmentNamesRule", "NoUnusedFragmentsRule",
            "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule", "UniqueVariableNamesRule", "NoUndefinedVariablesRule",
            "NoUnusedVariablesRule", "KnownDirectivesRule", "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule",
            "UniqueArgumentNamesRule", "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule",
            "VariablesInAllowedPositionRule", "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule",
            "MaxIntrospectionDepthRule",
        ];
        Assert.Equal(graphqlJsOrder, SpecifiedRules.All.Select(rule => rule.Method.DeclaringType!.Name));
    }
}
