using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Type;
using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Tests.Validation;

/// <summary>
/// graphql-js 16.11's OverlappingFieldsCanBeMergedRule tests (all but the "return types must be unambiguous"
/// group), against the harness schema unless a schema is given. Documents are verbatim, so locations match.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRuleTests
{
    private static void ExpectErrors(string query, params ExpectedError[] expected) =>
        ValidationHarness.ExpectErrors(OverlappingFieldsCanBeMergedRule.Create, query, expected);

    private static void ExpectValid(string query) => ExpectErrors(query);

    private static void ExpectValidWithSchema(GraphQLSchema schema, string query) =>
        ValidationHarness.ExpectValidWithSchema(schema, OverlappingFieldsCanBeMergedRule.Create, query);

    [Fact]
    public void Unique_fields()
    {
        ExpectValid(@"
      fragment uniqueFields on Dog {
        name
        nickname
      }
    ");
    }

    [Fact]
    public void Identical_fields()
    {
        ExpectValid(@"
      fragment mergeIdenticalFields on Dog {
        name
        name
      }
    ");
    }

    [Fact]
    public void Identical_fields_with_identical_args()
    {
        ExpectValid(@"
      fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand(dogCommand: SIT)
      }
    ");
    }

    [Fact]
    public void Identical_fields_with_identical_directives()
    {
        ExpectValid(@"
      fragment mergeSameFieldsWithSameDirectives on Dog {
        name @include(if: true)
        name @include(if: true)
      }
    ");
    }

    [Fact]
    public void Different_args_with_different_aliases()
    {
        ExpectValid(@"
      fragment differentArgsWithDifferentAliases on Dog {
        knowsSit: doesKnowCommand(dogCommand: SIT)
        knowsDown: doesKnowCommand(dogCommand: DOWN)
      }
    ");
    }

    [Fact]
    public void Different_directives_with_different_aliases()
    {
        ExpectValid(@"
      fragment differentDirectivesWithDifferentAliases on Dog {
        nameIfTrue: name @include(if: true)
        nameIfFalse: name @include(if: false)
      }
    ");
    }

    [Fact]
    public void Different_skip_include_directives_accepted()
    {
        // Differing skip/include directives do not make the returned value ambiguous: differing
        // runtime values may well have the same effect of including or skipping the field.
        ExpectValid(@"
      fragment differentDirectivesWithDifferentAliases on Dog {
        name @include(if: true)
        name @include(if: false)
      }
    ");
    }

    [Fact]
    public void Same_aliases_with_different_field_targets()
    {
        ExpectErrors(@"
      fragment sameAliasesWithDifferentFieldTargets on Dog {
        fido: name
        fido: nickname
      }
    ",
            new ExpectedError(
                "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 9)));
    }

    [Fact]
    public void Same_aliases_allowed_on_non_overlapping_fields()
    {
        // No object can be both a Dog and a Cat, so these fields never overlap.
        ExpectValid(@"
      fragment sameAliasesWithDifferentFieldTargets on Pet {
        ... on Dog {
          name
        }
        ... on Cat {
          name: nickname
        }
      }
    ");
    }

    [Fact]
    public void Alias_masking_direct_field_access()
    {
        ExpectErrors(@"
      fragment aliasMaskingDirectFieldAccess on Dog {
        name: nickname
        name
      }
    ",
            new ExpectedError(
                "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 9)));
    }

    [Fact]
    public void Different_args_second_adds_an_argument()
    {
        ExpectErrors(@"
      fragment conflictingArgs on Dog {
        doesKnowCommand
        doesKnowCommand(dogCommand: HEEL)
      }
    ",
            new ExpectedError(
                "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 9)));
    }

    [Fact]
    public void Different_args_second_missing_an_argument()
    {
        ExpectErrors(@"
      fragment conflictingArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand
      }
    ",
            new ExpectedError(
                "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 9)));
    }

    [Fact]
    public void Conflicting_arg_values()
    {
        ExpectErrors(@"
      fragment conflictingArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand(dogCommand: HEEL)
      }
    ",
            new ExpectedError(
                "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 9)));
    }

    [Fact]
    public void Conflicting_arg_names()
    {
        ExpectErrors(@"
      fragment conflictingArgs on Dog {
        isAtLocation(x: 0)
        isAtLocation(y: 0)
      }
    ",
            new ExpectedError(
                "Fields \"isAtLocation\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 9)));
    }

    [Fact]
    public void Allows_different_args_where_no_conflict_is_possible()
    {
        // No object can be both a Dog and a Cat, so these fields never overlap.
        ExpectValid(@"
      fragment conflictingArgs on Pet {
        ... on Dog {
          name(surname: true)
        }
        ... on Cat {
          name
        }
      }
    ");
    }

    [Fact]
    public void Allows_different_order_of_args()
    {
        // Arguments are unordered (spec: Language.Arguments).
        var schema = SdlSchemaBuilder.Build("""
            type Query {
              someField(a: String, b: String): String
            }
            """);
        ExpectValidWithSchema(schema, @"
        {
          someField(a: null, b: null)
          someField(b: null, a: null)
        }
      ");
    }

    [Fact]
    public void Allows_different_order_of_input_object_fields_in_arg_values()
    {
        // Input object fields are unordered (spec: Input Object Values).
        var schema = SdlSchemaBuilder.Build("""
            input SomeInput {
              a: String
              b: String
            }

            type Query {
              someField(arg: SomeInput): String
            }
            """);
        ExpectValidWithSchema(schema, @"
        {
          someField(arg: { a: null, b: null })
          someField(arg: { b: null, a: null })
        }
      ");
    }

    [Fact]
    public void Encounters_conflict_in_fragments()
    {
        ExpectErrors(@"
      {
        ...A
        ...B
      }
      fragment A on Type {
        x: a
      }
      fragment B on Type {
        x: b
      }
    ",
            new ExpectedError(
                "Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (7, 9), (10, 9)));
    }

    [Fact]
    public void Reports_each_conflict_once()
    {
        ExpectErrors(@"
      {
        f1 {
          ...A
          ...B
        }
        f2 {
          ...B
          ...A
        }
        f3 {
          ...A
          ...B
          x: c
        }
      }
      fragment A on Type {
        x: a
      }
      fragment B on Type {
        x: b
      }
    ",
            new ExpectedError(
                "Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (18, 9), (21, 9)),
            new ExpectedError(
                "Fields \"x\" conflict because \"c\" and \"a\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (14, 11), (18, 9)),
            new ExpectedError(
                "Fields \"x\" conflict because \"c\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (14, 11), (21, 9)));
    }

    [Fact]
    public void Deep_conflict()
    {
        ExpectErrors(@"
      {
        field {
          x: a
        },
        field {
          x: b
        }
      }
    ",
            new ExpectedError(
                "Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 11), (6, 9), (7, 11)));
    }

    [Fact]
    public void Deep_conflict_with_multiple_issues()
    {
        ExpectErrors(@"
      {
        field {
          x: a
          y: c
        },
        field {
          x: b
          y: d
        }
      }
    ",
            new ExpectedError(
                "Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields and subfields \"y\" conflict because \"c\" and \"d\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 11), (5, 11), (7, 9), (8, 11), (9, 11)));
    }

    [Fact]
    public void Very_deep_conflict()
    {
        ExpectErrors(@"
      {
        field {
          deepField {
            x: a
          }
        },
        field {
          deepField {
            x: b
          }
        }
      }
    ",
            new ExpectedError(
                "Fields \"field\" conflict because subfields \"deepField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (4, 11), (5, 13), (8, 9), (9, 11), (10, 13)));
    }

    [Fact]
    public void Reports_deep_conflict_to_nearest_common_ancestor()
    {
        ExpectErrors(@"
      {
        field {
          deepField {
            x: a
          }
          deepField {
            x: b
          }
        },
        field {
          deepField {
            y
          }
        }
      }
    ",
            new ExpectedError(
                "Fields \"deepField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (4, 11), (5, 13), (7, 11), (8, 13)));
    }

    [Fact]
    public void Reports_deep_conflict_to_nearest_common_ancestor_in_fragments()
    {
        ExpectErrors(@"
      {
        field {
          ...F
        }
        field {
          ...F
        }
      }
      fragment F on T {
        deepField {
          deeperField {
            x: a
          }
          deeperField {
            x: b
          }
        },
        deepField {
          deeperField {
            y
          }
        }
      }
    ",
            new ExpectedError(
                "Fields \"deeperField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (12, 11), (13, 13), (15, 11), (16, 13)));
    }

    [Fact]
    public void Reports_deep_conflict_in_nested_fragments()
    {
        ExpectErrors(@"
      {
        field {
          ...F
        }
        field {
          ...I
        }
      }
      fragment F on T {
        x: a
        ...G
      }
      fragment G on T {
        y: c
      }
      fragment I on T {
        y: d
        ...J
      }
      fragment J on T {
        x: b
      }
    ",
            new ExpectedError(
                "Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields and subfields \"y\" conflict because \"c\" and \"d\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (11, 9), (15, 9), (6, 9), (22, 9), (18, 9)));
    }

    [Fact]
    public void Reports_deep_conflict_after_nested_fragments()
    {
        ExpectErrors(@"
      fragment F on T {
        ...G
      }
      fragment G on T {
        ...H
      }
      fragment H on T {
        x: a
      }
      {
        x: b
        ...F
      }
    ",
            new ExpectedError(
                "Fields \"x\" conflict because \"b\" and \"a\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (12, 9), (9, 9)));
    }

    [Fact]
    public void Ignores_unknown_fragments()
    {
        ExpectValid(@"
      {
        field
        ...Unknown
        ...Known
      }

      fragment Known on T {
        field
        ...OtherUnknown
      }
    ");
    }

    [Fact]
    public void Does_not_infinite_loop_on_recursive_fragment()
    {
        ExpectValid(@"
      {
        ...fragA
      }

      fragment fragA on Human { name, relatives { name, ...fragA } }
    ");
    }

    [Fact]
    public void Does_not_infinite_loop_on_immediately_recursive_fragment()
    {
        ExpectValid(@"
      {
        ...fragA
      }

      fragment fragA on Human { name, ...fragA }
    ");
    }

    [Fact]
    public void Does_not_infinite_loop_on_recursive_fragment_with_a_field_named_after_fragment()
    {
        ExpectValid(@"
      {
        ...fragA
        fragA
      }

      fragment fragA on Query { ...fragA }
    ");
    }

    [Fact]
    public void Finds_invalid_cases_even_with_field_named_after_fragment()
    {
        ExpectErrors(@"
      {
        fragA
        ...fragA
      }

      fragment fragA on Type {
        fragA: b
      }
    ",
            new ExpectedError(
                "Fields \"fragA\" conflict because \"fragA\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (3, 9), (8, 9)));
    }

    [Fact]
    public void Does_not_infinite_loop_on_transitively_recursive_fragment()
    {
        ExpectValid(@"
      {
        ...fragA
        fragB
      }

      fragment fragA on Human { name, ...fragB }
      fragment fragB on Human { name, ...fragC }
      fragment fragC on Human { name, ...fragA }
    ");
    }

    [Fact]
    public void Finds_invalid_case_even_with_immediately_recursive_fragment()
    {
        ExpectErrors(@"
      fragment sameAliasesWithDifferentFieldTargets on Dog {
        ...sameAliasesWithDifferentFieldTargets
        fido: name
        fido: nickname
      }
    ",
            new ExpectedError(
                "Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (4, 9), (5, 9)));
    }

    [Fact]
    public void Does_not_infinite_loop_on_recursive_fragments_separated_by_fields()
    {
        ExpectValid(@"
      {
        ...fragA
        ...fragB
      }

      fragment fragA on T {
        x {
          ...fragA
          x {
            ...fragA
          }
        }
      }

      fragment fragB on T {
        x {
          ...fragB
          x {
            ...fragB
          }
        }
      }
    ");
    }
}
