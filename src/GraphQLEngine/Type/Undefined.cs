namespace GraphQLEngine.Type;

/// <summary>
/// The absence of a value, distinct from <c>null</c> (graphql-js's <c>undefined</c>).
/// Default values, variable lookups and <c>ValueFromAst</c> use it where the spec tells
/// "not provided" apart from "provided as null".
/// </summary>
public sealed class Undefined
{
    /// <summary>The single instance.</summary>
    public static readonly Undefined Value = new();

    private Undefined() { }

    /// <summary>Whether <paramref name="value"/> is the <see cref="Value"/> sentinel.</summary>
    public static bool Is(object? value) => ReferenceEquals(value, Value);

    public override string ToString() => "undefined";
}
