namespace GraphQLEngine.Language;

/// <summary>Limits and switches for <see cref="Parser"/>; the limits exist so hostile documents fail fast.</summary>
public sealed record ParseOptions
{
    /// <summary>The defaults: 15,000 tokens, nesting depth 256, locations recorded.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>
    /// Most tokens (punctuators, names, values; not comments or the end of file) a document may hold;
    /// one more is a syntax error. Zero or less means unlimited.
    /// </summary>
    public int MaxTokens { get; init; } = 15000;

    /// <summary>
    /// Deepest nesting of selection sets, list and object values and list types counted together;
    /// one more is a syntax error. Zero or less means unlimited, which lets deep input exhaust the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>When true nodes get no <see cref="Node.Loc"/>; parsing is a little cheaper.</summary>
    public bool NoLocation { get; init; }
}
