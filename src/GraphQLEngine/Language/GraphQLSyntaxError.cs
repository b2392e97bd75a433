namespace GraphQLEngine.Language;

/// <summary>
/// A document could not be lexed or parsed. <see cref="Exception.Message"/> reads as graphql-js words it,
/// e.g. <c>Syntax Error: Expected Name, found &lt;EOF&gt;.</c>; the position is where the problem was found.
/// </summary>
public sealed class GraphQLSyntaxError : Exception
{
    public GraphQLSyntaxError(string description, int position, SourceLocation location)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Line = location.Line;
        Column = location.Column;
    }

    /// <summary>The message without its <c>Syntax Error: </c> prefix.</summary>
    public string Description { get; }

    /// <summary>UTF-16 offset into the source.</summary>
    public int Position { get; }

    /// <summary>1-based line of <see cref="Position"/>.</summary>
    public int Line { get; }

    /// <summary>1-based column of <see cref="Position"/>.</summary>
    public int Column { get; }

    internal static GraphQLSyntaxError At(string body, int position, string description) =>
        new(description, position, SourceLocation.FromOffset(body, position));
}
