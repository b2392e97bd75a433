using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    // The directives of graphql-js's validation tests (KnownDirectives, UniqueDirectivesPerLocation)
    // plus one with arguments, so that argument rules are exercised on directives too.
    private static IEnumerable<GraphQLDirective> CreateDirectives(GraphQLEnumType furColor)
    {
        yield return new GraphQLDirective("onQuery", [DirectiveLocation.Query]);
        yield return new GraphQLDirective("onMutation", [DirectiveLocation.Mutation]);
        yield return new GraphQLDirective("onSubscription", [DirectiveLocation.Subscription]);
        yield return new GraphQLDirective("onField", [DirectiveLocation.Field]);
        yield return new GraphQLDirective("onFragmentDefinition", [DirectiveLocation.FragmentDefinition]);
        yield return new GraphQLDirective("onFragmentSpread", [DirectiveLocation.FragmentSpread]);
        yield return new GraphQLDirective("onInlineFragment", [DirectiveLocation.InlineFragment]);
        yield return new GraphQLDirective("onVariableDefinition", [DirectiveLocation.VariableDefinition]);
        yield return new GraphQLDirective("directive", [DirectiveLocation.Field, DirectiveLocation.FragmentDefinition]);
        yield return new GraphQLDirective("directiveA", [DirectiveLocation.Field, DirectiveLocation.FragmentDefinition]);
        yield return new GraphQLDirective("directiveB", [DirectiveLocation.Field, DirectiveLocation.FragmentDefinition]);
        yield return new GraphQLDirective("repeatable", [DirectiveLocation.Field, DirectiveLocation.FragmentDefinition])
        {
            IsRepeatable = true,
        };
        yield return new GraphQLDirective("withArgs",
            [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
        {
            Description = "Carries arguments so that argument rules apply to directives too.",
            IsRepeatable = true,
            Args =
            [
                new ArgumentDefinition("required", NonNull(Scalars.Int)) { Description = "Must be given." },
                new ArgumentDefinition("optional", Scalars.String) { DefaultValue = "default" },
                new ArgumentDefinition("colors", List(NonNull(furColor))) { DefaultValue = new List<object?> { "BROWN", "TAN" } },
            ],
        };
    }
}
