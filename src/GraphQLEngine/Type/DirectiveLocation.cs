namespace GraphQLEngine.Type;

/// <summary>Where a directive may appear; spelled in SDL and introspection as <c>QUERY</c>, <c>FIELD_DEFINITION</c>, … (see <see cref="DirectiveLocationNames"/>).</summary>
public enum DirectiveLocation
{
    // Executable locations
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,

    // Type system locations
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,
}
