namespace GraphQLEngine.Limits;

/// <summary>
/// Keys of <see cref="Type.FieldDefinition.Metadata"/> that the cost model reads. Values are integers
/// (<c>int</c> or <c>long</c>), or for <see cref="ListSizeBound"/> a <see cref="Limits.ListSizeBound"/>; other values
/// are ignored.
/// </summary>
public static class CostMetadata
{
    /// <summary>
    /// Cost of each item the field returns, replacing the default: 1 for an object, interface or union that comes
    /// from a list or a paginated field, 0 otherwise. On a single-valued field it is a flat cost per occurrence
    /// (e.g. 5 for a field that calls a slow service).
    /// </summary>
    public const string Cost = "cost";

    /// <summary>
    /// How many items a list field returns when it takes no <c>first</c>/<c>last</c> (e.g. 4 for the quarters of
    /// a year), replacing <see cref="QueryLimitOptions.DefaultListSize"/>. On a list inside a connection
    /// (<c>edges</c>, <c>nodes</c>) it replaces the connection's page size.
    /// </summary>
    public const string ListSize = "listSize";

    /// <summary>
    /// A <see cref="Limits.ListSizeBound"/> that gives, from the field's coerced arguments, the most items a list field
    /// without <c>first</c>/<c>last</c> can return: for lists whose length is known only from the data (a series
    /// that grows), so the cost is a true upper bound. It takes precedence over <see cref="ListSize"/>, which is
    /// used when it returns null.
    /// </summary>
    public const string ListSizeBound = "listSizeBound";
}

/// <summary>
/// The most items a list field can return, given its coerced arguments (defaults applied, as a resolver sees them);
/// null when it cannot say, and the declared <see cref="CostMetadata.ListSize"/> or the default is used. Called
/// while an operation is measured, before it runs: it must not block (read bounds kept in memory).
/// </summary>
public delegate long? ListSizeBound(IReadOnlyDictionary<string, object?> arguments);
