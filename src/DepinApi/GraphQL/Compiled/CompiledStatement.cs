using System.Text;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Execution;
using Npgsql;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// A query operation compiled into one SQL statement: the id of the data version it reads (the newest, or the one the
/// request's <c>asOf</c> names), then one JSON column per root field that reads data. One statement reads one snapshot, so every figure of the response comes from that version.
/// It holds nothing of the request it was compiled for, so the same document and variables can run it again.
/// </summary>
/// <param name="Sql">The statement; every request value in it is a positional parameter, but a page size (<see cref="SqlStatementBuilder.PageSize"/>).</param>
/// <param name="Parameters">The parameters' values, <c>$1</c> first.</param>
/// <param name="RootKeys">The response keys of the root fields in order; a <c>__typename</c> one has no column.</param>
/// <param name="TypeNameKeys">Which of <paramref name="RootKeys"/> are <c>__typename</c>.</param>
/// <param name="HasMarkers">Which of its JSON columns (in order, <c>__typename</c> keys having none) hold markers to
/// replace (<see cref="CompiledMarkers"/>).</param>
/// <param name="CursorQueries">What its cursors are signed for, named in its cursor markers by place (<see cref="CursorSigning"/>).</param>
internal sealed record CompiledStatement(string Sql, BoundValue[] Parameters, string[] RootKeys, bool[] TypeNameKeys, bool[] HasMarkers,
    string[] CursorQueries)
{
    /// <summary>The statement for <paramref name="selection"/>; null when any field it selects is not compiled.</summary>
    /// <param name="selection">What the operation selects.</param>
    /// <param name="asOf">The request's <c>asOf</c> (<c>RequestAsOf</c>); null for the newest data.</param>
    /// <param name="cursors">Opens <c>after</c> cursors; null compiles none.</param>
    public static CompiledStatement? TryCompile(OperationSelection selection, AsOf? asOf, CursorCodec? cursors)
    {
        var sql = new SqlStatementBuilder(asOf, cursors);
        var text = new StringBuilder();
        var fields = selection.Fields;
        var typeNames = new bool[fields.Count];
        var hasMarkers = new List<bool>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Name == "__typename")
            {
                typeNames[i] = true;
                continue;
            }
            if (field.ArgumentsError is not null) return null;
            // The root map wants no row: the root has none.
            sql.WritesMarkers = false;
            if (QueryMap.Query.CompileField(sql, field, alias: "") is not { } column) return null;
            text.Append(", ").Append(column);
            hasMarkers.Add(sql.WritesMarkers);
        }
        // Only __typename: the resolvers answer that without the database.
        if (typeNames.All(isTypeName => isTypeName)) return null;
        // Positional parameters keep their numbers wherever they stand, so the opening may bind after the columns.
        text.Insert(0, sql.Opening());
        return new CompiledStatement(text.ToString(), sql.Parameters.ToArray(), fields.Select(f => f.ResponseKey).ToArray(), typeNames,
            hasMarkers.ToArray(), sql.CursorQueries.ToArray());
    }

    /// <summary>A command running this statement on <paramref name="connection"/>, with fresh parameters.</summary>
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Sql, connection);
        foreach (var bound in Parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = bound.Value, NpgsqlDbType = bound.Type });
        return command;
    }
}
