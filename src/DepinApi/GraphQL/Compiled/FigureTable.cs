using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// A table of figures as compiled SQL reads it: its rows of the version read, each joined to its source of that version (a figure whose
/// source is not visible is left out, as the read model leaves it out), written as JSON objects of its map.
/// </summary>
/// <param name="Table">The table's name.</param>
/// <param name="Prefix">The prefix of its aliases; a row aliased <c>r1</c> has its source aliased <c>r1s</c>.</param>
/// <param name="Map">How its type's fields are written.</param>
internal sealed record FigureTable(string Table, string Prefix, SqlObjectMap Map)
{
    /// <summary>The figures that meet <paramref name="conditions"/> as a JSON array, in <paramref name="orderBy"/> order.</summary>
    public string? List(SqlStatementBuilder sql, SelectedField field, Func<string, string> conditions, Func<string, string> orderBy)
    {
        var alias = sql.Alias(Prefix);
        return Map.Compile(sql, field, alias) is { } element
            ? SqlStatementBuilder.JsonArray(element, From(sql, alias, conditions), orderBy(alias))
            : null;
    }

    /// <summary>The first figure in <paramref name="orderBy"/> order that meets <paramref name="conditions"/>; SQL NULL for none.</summary>
    public string? First(SqlStatementBuilder sql, SelectedField field, Func<string, string> conditions, Func<string, string> orderBy)
    {
        var alias = sql.Alias(Prefix);
        return Map.Compile(sql, field, alias) is { } element
            ? $"(SELECT {element} {From(sql, alias, conditions)} ORDER BY {orderBy(alias)} LIMIT 1)"
            : null;
    }

    private string From(SqlStatementBuilder sql, string alias, Func<string, string> conditions) =>
        $"FROM {Table} {alias} JOIN sources {alias}s ON {alias}s.id = {alias}.source AND {sql.Visible(alias + "s")} "
        + $"WHERE {sql.Visible(alias)} AND {conditions(alias)}";
}
