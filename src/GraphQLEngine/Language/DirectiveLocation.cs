namespace GraphQLEngine.Language;

/// <summary>Where a directive may be used (spec §3.13); the SDL spells them in SCREAMING_CASE.</summary>
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

/// <summary>Conversions between <see cref="DirectiveLocation"/> and its SDL spelling.</summary>
public static class DirectiveLocationNames
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private static readonly Dictionary<string, DirectiveLocation> ByName =
        Names.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => (DirectiveLocation)p.index);

    /// <summary>The SDL name, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToName(this DirectiveLocation location) => Names[(int)location];

    /// <summary>Reads an SDL name (case-sensitive, as the spec requires).</summary>
    public static bool TryParse(string name, out DirectiveLocation location) => ByName.TryGetValue(name, out location);
}
