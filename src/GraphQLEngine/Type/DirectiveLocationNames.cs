namespace GraphQLEngine.Type;

/// <summary>Converts <see cref="DirectiveLocation"/> to and from its spec spelling (<c>INLINE_FRAGMENT</c>).</summary>
public static class DirectiveLocationNames
{
    private static readonly Dictionary<DirectiveLocation, string> Names = Enum.GetValues<DirectiveLocation>()
        .ToDictionary(l => l, l => ClrEnumType.ToConstantCase(l.ToString()));

    private static readonly Dictionary<string, DirectiveLocation> ByName = Names.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The spec name, e.g. <c>FIELD_DEFINITION</c>.</summary>
    public static string ToSpecName(this DirectiveLocation location) => Names[location];

    /// <summary>Parses a spec name such as <c>FIELD_DEFINITION</c>.</summary>
    public static bool TryParse(string name, out DirectiveLocation location) => ByName.TryGetValue(name, out location);
}
