namespace DepinApi.Import;

/// <summary>
/// One column of a seed file. <see cref="References"/> names the seed file whose key the value
/// must be (e.g. <c>projects</c>); <see cref="FileIn"/> a folder beside the seed files in which
/// a file of that name must exist.
/// </summary>
internal sealed record ColumnSpec(string Name, FieldType Type, bool Required, string? References = null, string? FileIn = null)
{
    public IReadOnlyList<DbColumn> DbColumns { get; } = Type.DbColumns(Name);

    public static ColumnSpec Req(string name, FieldType type) => new(name, type, Required: true);
    public static ColumnSpec Opt(string name, FieldType type) => new(name, type, Required: false);
}
