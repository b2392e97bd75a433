using GraphQLEngine.Language;

namespace GraphQLEngine.Type;

/// <summary>Parses a literal into an internal value for a custom scalar; see <see cref="ILeafType.ParseLiteral"/>.</summary>
public delegate object? LiteralParser(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables);
