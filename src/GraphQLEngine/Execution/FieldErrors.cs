using GraphQLEngine.Error;

namespace GraphQLEngine.Execution;

/// <summary>
/// The field errors of one execution, each with its position in the response (field ordinals and list
/// indices from the root). Fields may complete in any order, but the result reports errors as
/// graphql-js does when resolvers are synchronous: in response order, and without the errors of
/// fields that graphql-js never reaches because a null propagated out of their parent before them.
/// </summary>
internal sealed class FieldErrors
{
    private readonly List<(GraphQLError Error, int[] Position)> _errors = [];
    private readonly Dictionary<string, (int[] Scope, int[] Cause)> _nulledScopes = new(StringComparer.Ordinal);

    public void Add(GraphQLError error, int[] position) => _errors.Add((error, position));

    /// <summary>
    /// Records that the value at <paramref name="scope"/> became null because of the error at
    /// <paramref name="cause"/>: graphql-js stops completing that value there, so errors inside it
    /// that come later in the response are not reported.
    /// </summary>
    public void AddNulledScope(int[] scope, int[] cause)
    {
        var key = string.Join('.', scope);
        if (!_nulledScopes.TryGetValue(key, out var known) || Compare(cause, known.Cause) < 0) _nulledScopes[key] = (scope, cause);
    }

    public IReadOnlyList<GraphQLError> ToList()
    {
        if (_errors.Count == 0) return [];
        var kept = _nulledScopes.Count == 0 ? _errors : _errors.Where(e => !IsUnreached(e.Position)).ToList();
        return kept.OrderBy(e => e.Position, Comparer<int[]>.Create(Compare)).Select(e => e.Error).ToList();
    }

    private bool IsUnreached(int[] position)
    {
        foreach (var (scope, cause) in _nulledScopes.Values)
        {
            if (StartsWith(position, scope) && Compare(position, cause) > 0) return true;
        }
        return false;
    }

    private static bool StartsWith(int[] position, int[] prefix) =>
        position.Length >= prefix.Length && position.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    /// <summary>Response order: a position comes after its ancestors and before its later siblings.</summary>
    public static int Compare(int[] x, int[] y)
    {
        var common = Math.Min(x.Length, y.Length);
        for (var i = 0; i < common; i++)
        {
            if (x[i] != y[i]) return x[i].CompareTo(y[i]);
        }
        return x.Length.CompareTo(y.Length);
    }
}
