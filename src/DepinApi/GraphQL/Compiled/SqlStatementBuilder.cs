using System.Text;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;
using GraphQLEngine.Execution;
using GraphQLEngine.Type;
using NpgsqlTypes;

namespace DepinApi.GraphQL.Compiled;

/// <summary>
/// One statement being compiled: the data version it reads, the positional parameters bound so far and the table
/// aliases handed out, plus the two shapes every compiled selection takes, a JSON object of the selected fields and a
/// JSON array of such objects.
/// </summary>
/// <param name="asOf">The past version the request names (its <c>asOf</c>); null for the newest data.</param>
/// <param name="cursors">Opens the request's <c>after</c> cursors; without it no cursor is compiled.</param>
internal sealed class SqlStatementBuilder(AsOf? asOf = null, CursorCodec? cursors = null)
{
    // Postgres functions take at most 100 arguments, and json_build_object takes two per key.
    private const int MaxKeysPerObject = 50;

    // The version a past read sees, computed once by the statement's WITH clause (see Opening).
    private readonly string? version = asOf is null ? null : "(SELECT id FROM asof)";

    private int aliases;

    private readonly List<string> requirements = [];

    /// <summary>
    /// The statement's opening up to its first column, the id of the data version it reads: the newest, or the one
    /// <c>asOf</c> names (none when it names none, or when a <see cref="Require">requirement</see> does not hold in it,
    /// and the resolvers then report that). Written once every field is compiled, so that it holds their requirements.
    /// </summary>
    public string Opening()
    {
        var column = requirements.Count == 0 ? VersionRead : $"CASE WHEN {string.Join(" AND ", requirements)} THEN {VersionRead} END";
        if (asOf is not { } past) return $"SELECT {column}";
        var number = Bind(past.Version is { } v ? v : DBNull.Value, NpgsqlDbType.Integer);
        var day = Bind(past.Date is { } d ? d : DBNull.Value, NpgsqlDbType.Date);
        return $"WITH asof AS MATERIALIZED (SELECT id {ReadSessionFactory.VersionNamedSql(number, day)}) SELECT {column}";
    }

    /// <summary>
    /// A condition the version read must meet for the statement to answer, as the resolvers would answer without an
    /// error (an argument naming something the data states): when it does not hold, the statement reads no version and
    /// the resolvers answer with their error.
    /// </summary>
    public void Require(string condition) => requirements.Add(condition);

    /// <summary>The id of the data version the statement reads: the newest, or the one <c>asOf</c> names.</summary>
    public string VersionRead => version ?? $"(SELECT id {ReadSessionFactory.NewestVersionFromSql})";

    /// <summary>The condition under which a row of the table aliased <paramref name="alias"/> belongs to the version read.</summary>
    public string Visible(string alias) => ReadSession.VisibleSql(alias, version);

    /// <summary>Opens the request's <c>after</c> cursors; null when none may be compiled.</summary>
    public CursorCodec? Cursors => cursors;

    /// <summary>The request's <c>asOf</c>, which its cursors are signed for; null for the newest data.</summary>
    public AsOf? AsOf => asOf;

    /// <summary>
    /// The queries the statement's cursors are signed for (<see cref="Execution.Cursors.Query"/>), which its cursor
    /// markers name by their place here: a query holds the list's arguments, which may be long, and is written once
    /// here rather than into every marker.
    /// </summary>
    public List<string> CursorQueries { get; } = [];

    /// <summary>Whether the column being compiled writes markers, which <see cref="CompiledMarkers"/> replaces in its result.</summary>
    public bool WritesMarkers { get; set; }

    /// <summary>The values bound so far, in placeholder order (<c>$1</c> first).</summary>
    public List<BoundValue> Parameters { get; } = [];

    /// <summary>Binds <paramref name="value"/> as the next positional parameter and returns its placeholder.</summary>
    public string Bind(object value, NpgsqlDbType type)
    {
        Parameters.Add(new BoundValue(value, type));
        return "$" + Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A page size written into the statement as a number rather than bound. Postgres plans a prepared statement afresh
    /// at each execution while a plan for its parameters' values looks cheaper than one for any values, and under
    /// <c>LIMIT $n</c> the latter expects a tenth of the table's rows, each with its lists' subqueries: over a thousand
    /// projects every compiled page was planned at every execution, which took as long as running it
    /// (docs/performance.md, <i>Means</i>). Written as a number, the page size is the plan's own, and the plan is made
    /// once. An <see cref="int"/> formatted invariantly is digits and a sign, never SQL of the client's: every text a
    /// client sends stays bound.
    /// </summary>
    public static string PageSize(int size) => size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The placeholder of <paramref name="value"/> bound as the next parameter, for a condition of the read model's
    /// (<see cref="FigureSql"/>, <see cref="ProjectSql"/>); null, and no condition, when the argument was left out.
    /// </summary>
    public string? Given(object? value, NpgsqlDbType type) => value is null ? null : Bind(value, type);

    /// <summary>A table alias no other part of the statement uses.</summary>
    public string Alias(string prefix) => prefix + (++aliases).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>json_build_object('key', value, …)</c> of <paramref name="fields"/> in response order, <c>__typename</c> as the
    /// type's name and every other field through <paramref name="compileField"/>; null when any field cannot be compiled.
    /// </summary>
    public static string? JsonObject(GraphQLObjectType type, IReadOnlyList<SelectedField> fields, Func<SelectedField, string?> compileField)
    {
        if (fields.Count > MaxKeysPerObject) return null;
        var sql = new StringBuilder("json_build_object(");
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            // Response keys are GraphQL names ([_A-Za-z][_0-9A-Za-z]*, as the parser guarantees), so one can stand
            // inside a SQL string literal as it is; the check keeps that true whatever the document said.
            if (field.ArgumentsError is not null || !IsName(field.ResponseKey)) return null;
            var value = field.Name == "__typename" ? $"'{type.Name}'" : compileField(field);
            if (value is null) return null;
            if (i > 0) sql.Append(", ");
            sql.Append('\'').Append(field.ResponseKey).Append("', ").Append(value);
        }
        return sql.Append(')').ToString();
    }

    /// <summary>A JSON array of <paramref name="element"/> over the rows of <paramref name="from"/>, in order; <c>[]</c> for none.</summary>
    /// <remarks>
    /// An array of the subquery's rows in the order its own <c>ORDER BY</c> gives them, not <c>json_agg(… ORDER BY …)</c>:
    /// Postgres 15 runs an ordered aggregate through an aggregate node and a sort of its own each time the list is read,
    /// once for every row of the level above, and those set-ups were a tenth of its time for a nested query
    /// (docs/performance.md, <em>Means</em>). The subquery's rows are in its <c>ORDER BY</c> order, which is the order
    /// the array constructor takes them in.
    /// </remarks>
    public static string JsonArray(string element, string from, string orderBy) =>
        $"array_to_json(ARRAY(SELECT {element} {from} ORDER BY {orderBy}))";

    /// <summary>The object type a field's values have, through any list and non-null wrappers.</summary>
    public static GraphQLObjectType? ObjectTypeOf(SelectedField field)
    {
        var type = field.Definition.Type;
        while (type is GraphQLWrappingType wrapper) type = wrapper.OfType;
        return type as GraphQLObjectType;
    }

    private static bool IsName(string text)
    {
        if (text.Length == 0 || char.IsAsciiDigit(text[0])) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }
}

/// <summary>A value a compiled statement binds, kept apart from any command so that one statement serves many.</summary>
internal readonly record struct BoundValue(object Value, NpgsqlDbType Type);
