using GraphQLEngine.Execution;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Compiled;

/// <summary>Writes one field's value in SQL from the row aliased <c>alias</c>; null when it cannot be compiled.</summary>
internal delegate string? FieldCompiler(SqlStatementBuilder sql, SelectedField field, string alias);

/// <summary>
/// How the fields of one object type are written in SQL from a row of its table. A field missing from the map is
/// not compiled, and neither is any selection that asks for it: the resolvers answer it.
/// </summary>
internal sealed class SqlObjectMap(IReadOnlyDictionary<string, FieldCompiler> fields)
{
    /// <summary>The selection <paramref name="field"/> makes on values of this type, as a JSON object of the row aliased <paramref name="alias"/>.</summary>
    public string? Compile(SqlStatementBuilder sql, SelectedField field, string alias) =>
        SqlStatementBuilder.ObjectTypeOf(field) is { } type ? Compile(sql, type, field.SubfieldsFor(type), alias) : null;

    public string? Compile(SqlStatementBuilder sql, GraphQLObjectType type, IReadOnlyList<SelectedField> selection, string alias) =>
        SqlStatementBuilder.JsonObject(type, selection, f => CompileField(sql, f, alias));

    /// <summary>One field of this type from the row aliased <paramref name="alias"/>; null when it is not compiled.</summary>
    public string? CompileField(SqlStatementBuilder sql, SelectedField field, string alias) =>
        fields.TryGetValue(field.Name, out var compile) ? compile(sql, field, alias) : null;

    /// <summary>A column as it is stored.</summary>
    public static FieldCompiler Column(string column) => (_, _, alias) => $"{alias}.{column}";

    /// <summary>A column of a stored enum: GraphQL's value is the stored one upper-cased (see <c>StoredEnum</c>).</summary>
    public static FieldCompiler Enum(string column) => (_, _, alias) => $"upper({alias}.{column})";

    /// <summary>A value every row shares; <paramref name="sqlLiteral"/> is a constant of the schema's, never request input.</summary>
    public static FieldCompiler Constant(string sqlLiteral) => (_, _, _) => sqlLiteral;
}
