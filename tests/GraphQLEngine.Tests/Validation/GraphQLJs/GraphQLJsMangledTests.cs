using GraphQLEngine.Language;
using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Tests.Validation.GraphQLJs;

/// <summary>
/// Mangled versions of the graphql-js test documents, validated with every specified rule at once: the errors
/// must be graphql-js's, in the same order. OverlappingFieldsCanBeMerged is left out on both sides (its own tests
/// cover it).
/// </summary>
public sealed class GraphQLJsMangledTests
{
    private static readonly IReadOnlyList<ValidationRule> Rules = SpecifiedRules.All
        .Where(rule => rule.Method.DeclaringType?.Name != "OverlappingFieldsCanBeMergedRule")
        .ToList();

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, GraphQLJsMangledCases.All.Length));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_what_graphql_js_reports(int index)
    {
        var (source, expected) = GraphQLJsMangledCases.All[index];
        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(source), Rules);
        ValidationHarness.AssertErrors(expected, errors);
    }
}
