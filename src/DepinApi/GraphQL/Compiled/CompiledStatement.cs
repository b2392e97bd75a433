using System.Text;
using GraphQLEngine.Execution;
using Npgsql;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// A query operation compiled into one SQL statement: the newest data version's id, then one JSON column per root
/// field that reads data. One statement reads one snapshot, so every figure of the response comes from that version.
/// </summary>
internal sealed record CompiledStatement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, IReadOnlyList<SelectedField> RootFields)
{
    /// <summary>The statement for <paramref name="selection"/>; null when any field it selects is not compiled.</summary>
    public static CompiledStatement? TryCompile(OperationSelection selection)
    {
        var sql = new SqlStatementBuilder();
        var text = new StringBuilder("SELECT (SELECT id FROM data_versions ORDER BY id DESC LIMIT 1)");
        foreach (var field in selection.Fields)
        {
            if (IsTypeName(field)) continue;
            if (field.ArgumentsError is not null) return null;
            // The root map wants no row: the root has none.
            if (QueryMap.Query.CompileField(sql, field, alias: "") is not { } column) return null;
            text.Append(", ").Append(column);
        }
        return new CompiledStatement(text.ToString(), sql.Parameters, selection.Fields);
    }

    public static bool IsTypeName(SelectedField field) => field.Name == "__typename";
}
