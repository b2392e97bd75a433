using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Type;
using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Tests.Validation;

/// <summary>
/// graphql-js 16.11's OverlappingFieldsCanBeMergedRule tests of the group "return types must be unambiguous",
/// with that group's schema of boxes. Documents are verbatim, so locations match.
/// </summary>
public sealed class OverlappingFieldsReturnTypesTests
{
    private static readonly GraphQLSchema BoxSchema = SdlSchemaBuilder.Build("""
        interface SomeBox {
          deepBox: SomeBox
          unrelatedField: String
        }

        type StringBox implements SomeBox {
          scalar: String
          deepBox: StringBox
          unrelatedField: String
          listStringBox: [StringBox]
          stringBox: StringBox
          intBox: IntBox
        }

        type IntBox implements SomeBox {
          scalar: Int
          deepBox: IntBox
          unrelatedField: String
          listStringBox: [StringBox]
          stringBox: StringBox
          intBox: IntBox
        }

        interface NonNullStringBox1 {
          scalar: String!
        }

        type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {
          scalar: String!
          unrelatedField: String
          deepBox: SomeBox
        }

        interface NonNullStringBox2 {
          scalar: String!
        }

        type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {
          scalar: String!
          unrelatedField: String
          deepBox: SomeBox
        }

        type Connection {
          edges: [Edge]
        }

        type Edge {
          node: Node
        }

        type Node {
          id: ID
          name: String
        }

        type Query {
          someBox: SomeBox
          connection: Connection
        }
        """);

    private static void ExpectErrorsWithSchema(GraphQLSchema schema, string query, params ExpectedError[] expected) =>
        ValidationHarness.ExpectErrorsWithSchema(schema, OverlappingFieldsCanBeMergedRule.Create, query, expected);

    private static void ExpectValidWithSchema(GraphQLSchema schema, string query) => ExpectErrorsWithSchema(schema, query);

    [Fact]
    public void Conflicting_return_types_which_potentially_overlap()
    {
        // An object could one day be both an IntBox and a NonNullStringBox1: the schema may grow
        // to allow it, so the overlap counts as possible.
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ...on IntBox {
                scalar
              }
              ...on NonNullStringBox1 {
                scalar
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String!\". Use different aliases on the fields to fetch both if this was intentional.",
                (5, 17), (8, 17)));
    }

    [Fact]
    public void Compatible_return_shapes_on_different_return_types()
    {
        // deepBox returns SomeBox in one place and StringBox in the other: different types but
        // compatible shapes, which is all merging needs.
        ExpectValidWithSchema(BoxSchema, @"
          {
            someBox {
              ... on SomeBox {
                deepBox {
                  unrelatedField
                }
              }
              ... on StringBox {
                deepBox {
                  unrelatedField
                }
              }
            }
          }
        ");
    }

    [Fact]
    public void Disallows_differing_return_types_despite_no_overlap()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                scalar
              }
              ... on StringBox {
                scalar
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.",
                (5, 17), (8, 17)));
    }

    [Fact]
    public void Reports_correctly_when_a_non_exclusive_follows_an_exclusive()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                deepBox {
                  ...X
                }
              }
            }
            someBox {
              ... on StringBox {
                deepBox {
                  ...Y
                }
              }
            }
            memoed: someBox {
              ... on IntBox {
                deepBox {
                  ...X
                }
              }
            }
            memoed: someBox {
              ... on StringBox {
                deepBox {
                  ...Y
                }
              }
            }
            other: someBox {
              ...X
            }
            other: someBox {
              ...Y
            }
          }
          fragment X on SomeBox {
            scalar
          }
          fragment Y on SomeBox {
            scalar: unrelatedField
          }
        ",
            new ExpectedError(
                "Fields \"other\" conflict because subfields \"scalar\" conflict because \"scalar\" and \"unrelatedField\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (31, 13), (39, 13), (34, 13), (42, 13)));
    }

    [Fact]
    public void Disallows_differing_return_type_nullability_despite_no_overlap()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on NonNullStringBox1 {
                scalar
              }
              ... on StringBox {
                scalar
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"scalar\" conflict because they return conflicting types \"String!\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.",
                (5, 17), (8, 17)));
    }

    [Fact]
    public void Disallows_differing_return_type_list_despite_no_overlap()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                box: listStringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: stringBox {
                  scalar
                }
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"box\" conflict because they return conflicting types \"[StringBox]\" and \"StringBox\". Use different aliases on the fields to fetch both if this was intentional.",
                (5, 17), (10, 17)));
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: listStringBox {
                  scalar
                }
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"box\" conflict because they return conflicting types \"StringBox\" and \"[StringBox]\". Use different aliases on the fields to fetch both if this was intentional.",
                (5, 17), (10, 17)));
    }

    [Fact]
    public void Disallows_differing_subfields()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  val: scalar
                  val: unrelatedField
                }
              }
              ... on StringBox {
                box: stringBox {
                  val: scalar
                }
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"val\" conflict because \"scalar\" and \"unrelatedField\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (6, 19), (7, 19)));
    }

    [Fact]
    public void Disallows_differing_deep_return_types_despite_no_overlap()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: intBox {
                  scalar
                }
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"box\" conflict because subfields \"scalar\" conflict because they return conflicting types \"String\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional.",
                (5, 17), (6, 19), (10, 17), (11, 19)));
    }

    [Fact]
    public void Allows_non_conflicting_overlapping_types()
    {
        ExpectValidWithSchema(BoxSchema, @"
          {
            someBox {
              ... on IntBox {
                scalar: unrelatedField
              }
              ... on StringBox {
                scalar
              }
            }
          }
        ");
    }

    [Fact]
    public void Same_wrapped_scalar_return_types()
    {
        ExpectValidWithSchema(BoxSchema, @"
          {
            someBox {
              ...on NonNullStringBox1 {
                scalar
              }
              ...on NonNullStringBox2 {
                scalar
              }
            }
          }
        ");
    }

    [Fact]
    public void Allows_inline_fragments_without_type_condition()
    {
        ExpectValidWithSchema(BoxSchema, @"
          {
            a
            ... {
              a
            }
          }
        ");
    }

    [Fact]
    public void Compares_deep_types_including_list()
    {
        ExpectErrorsWithSchema(BoxSchema, @"
          {
            connection {
              ...edgeID
              edges {
                node {
                  id: name
                }
              }
            }
          }

          fragment edgeID on Connection {
            edges {
              node {
                id
              }
            }
          }
        ",
            new ExpectedError(
                "Fields \"edges\" conflict because subfields \"node\" conflict because subfields \"id\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (5, 15), (6, 17), (7, 19), (14, 13), (15, 15), (16, 17)));
    }

    [Fact]
    public void Ignores_unknown_types()
    {
        ExpectValidWithSchema(BoxSchema, @"
          {
            someBox {
              ...on UnknownType {
                scalar
              }
              ...on NonNullStringBox2 {
                scalar
              }
            }
          }
        ");
    }

    [Fact]
    public void Works_for_field_names_that_are_JS_keywords()
    {
        var schema = SdlSchemaBuilder.Build("""
            type Foo {
              constructor: String
            }

            type Query {
              foo: Foo
            }
            """);
        ExpectValidWithSchema(schema, @"
          {
            foo {
              constructor
            }
          }
        ");
    }
}
