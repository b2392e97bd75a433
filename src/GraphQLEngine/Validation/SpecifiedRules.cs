using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Validation;

/// <summary>The rules the spec defines for executable documents, in graphql-js 16's <c>specifiedRules</c> order.</summary>
public static class SpecifiedRules
{
    /// <summary>
    /// Every specified rule. The order matters: it is the order errors come out in when several rules fire on one node.
    /// graphql-js's order is: ExecutableDefinitions, UniqueOperationNames, LoneAnonymousOperation,
    /// SingleFieldSubscriptions, KnownTypeNames, FragmentsOnCompositeTypes, VariablesAreInputTypes, ScalarLeafs,
    /// FieldsOnCorrectType, UniqueFragmentNames, KnownFragmentNames, NoUnusedFragments, PossibleFragmentSpreads,
    /// NoFragmentCycles, UniqueVariableNames, NoUndefinedVariables, NoUnusedVariables, KnownDirectives,
    /// UniqueDirectivesPerLocation, KnownArgumentNames, UniqueArgumentNames, ValuesOfCorrectType,
    /// ProvidedRequiredArguments, VariablesInAllowedPosition, OverlappingFieldsCanBeMerged, UniqueInputFieldNames,
    /// then the recommended MaxIntrospectionDepth.
    /// </summary>
    public static readonly IReadOnlyList<ValidationRule> All =
    [
        ExecutableDefinitionsRule.Create,
        UniqueOperationNamesRule.Create,
        LoneAnonymousOperationRule.Create,
        SingleFieldSubscriptionsRule.Create,
        KnownTypeNamesRule.Create,
        FragmentsOnCompositeTypesRule.Create,
        VariablesAreInputTypesRule.Create,
        ScalarLeafsRule.Create,
        FieldsOnCorrectTypeRule.Create,
        UniqueFragmentNamesRule.Create,
        KnownFragmentNamesRule.Create,
        NoUnusedFragmentsRule.Create,
        PossibleFragmentSpreadsRule.Create,
        NoFragmentCyclesRule.Create,
        UniqueVariableNamesRule.Create,
        NoUndefinedVariablesRule.Create,
        NoUnusedVariablesRule.Create,
        KnownDirectivesRule.Create,
        UniqueDirectivesPerLocationRule.Create,
        KnownArgumentNamesRule.Create,
        UniqueArgumentNamesRule.Create,
        ValuesOfCorrectTypeRule.Create,
        ProvidedRequiredArgumentsRule.Create,
        VariablesInAllowedPositionRule.Create,
        OverlappingFieldsCanBeMergedRule.Create,
        UniqueInputFieldNamesRule.Create,
        MaxIntrospectionDepthRule.Create,
    ];
}
