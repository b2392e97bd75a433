using GraphQLEngine.Language;
using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Tests.Validation;

public sealed class ValidationContextTests
{
    private static ValidationContext ContextFor(DocumentNode document) =>
        new(ValidationHarness.TestSchema, document, new TypeInfo(ValidationHarness.TestSchema), _ => { });

    [Fact]
    public void Finds_fragment_spreads_through_fields_and_inline_fragments_in_graphql_js_order()
    {
        var document = Parser.Parse("{ dog { ...A ... on Dog { ...B } mother { ...C } } ...D }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var spreads = ContextFor(document).GetFragmentSpreads(operation.SelectionSet);
        // A stack: the operation's own spreads first, then nested sets from the last one pushed.
        Assert.Equal(["D", "A", "C", "B"], spreads.Select(s => s.Name.Value));
    }

    [Fact]
    public void Collects_fragments_reached_from_an_operation_once_each()
    {
        var document = Parser.Parse("""
            { dog { ...A } }
            fragment A on Dog { ...B ...Missing }
            fragment B on Dog { ...A name }
            fragment Unused on Dog { name }
            """);
        var context = ContextFor(document);
        var fragments = context.GetRecursivelyReferencedFragments((OperationDefinitionNode)document.Definitions[0]);
        Assert.Equal(["A", "B"], fragments.Select(f => f.Name.Value));
        Assert.Equal("B", context.GetFragment("B")?.Name.Value);
        Assert.Null(context.GetFragment("Missing"));
    }

    [Fact]
    public void Describes_each_variable_usage_with_its_expected_type_and_default()
    {
        var document = Parser.Parse("""
            query Q($a: Boolean = true, $b: Int, $c: Boolean) {
              dog { isHouseTrained(atOtherHomes: $a) ...F }
              complicatedArgs { oneOfArgField(oneOfArg: { intField: $b }) }
            }
            fragment F on Dog { doesKnowCommand(dogCommand: $c) }
            """);
        var usages = ContextFor(document).GetRecursiveVariableUsages((OperationDefinitionNode)document.Definitions[0]);

        Assert.Equal(["a", "b", "c"], usages.Select(u => u.Node.Name.Value));
        Assert.Equal("Boolean", usages[0].Type?.ToString());
        Assert.Equal(true, usages[0].DefaultValue);
        Assert.Equal("Int", usages[1].Type?.ToString());
        Assert.True(Undefined.Is(usages[1].DefaultValue));
        Assert.Equal("OneOfInput", usages[1].ParentType?.ToString());
        Assert.Equal("DogCommand", usages[2].Type?.ToString());
    }
}
