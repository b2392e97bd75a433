namespace GraphQLEngine.Limits;

/// <summary>
/// Keys of <see cref="Type.FieldDefinition.Metadata"/> that the cost model reads. Values are integers
/// (<c>int</c> or <c>long</c>); other values are ignored.
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
}
