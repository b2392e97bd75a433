using DepinApi.ReadModel;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// A table of figures as compiled SQL reads it: its rows of the version read, each joined to its source of that version (a figure whose
/// source is not visible is left out, as the read model leaves it out), written as JSON objects of its map.
/// </summary>
/// <param name="Rows">The table, its owner column and its order, as the read model reads them.</param>
/// <param name="Prefix">The prefix of its aliases; a row aliased <c>r1</c> has its source aliased <c>r1s</c>.</param>
/// <param name="Map">How its type's fields are written.</param>
internal sealed record FigureTable(FigureSql Rows, string Prefix, SqlObjectMap Map)
{
    /// <summary>The figures that meet <paramref name="conditions"/> (<see cref="FigureSql"/>'s " AND …" form) as a JSON array, in the table's order.</summary>
    public string? List(SqlStatementBuilder sql, SelectedField field, Func<string, string> conditions)
    {
        var alias = sql.Alias(Prefix);
        return Map.Compile(sql, field, alias) is { } element
            ? SqlStatementBuilder.JsonArray(element, From(sql, alias, conditions), Rows.Order(alias))
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
        $"FROM {Rows.Table} {alias} JOIN sources {alias}s ON {alias}s.id = {alias}.source AND {sql.Visible(alias + "s")} "
        + $"WHERE {sql.Visible(alias)}{conditions(alias)}";
}
