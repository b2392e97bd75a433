namespace DepinApi.Rest.Infrastructure;

/// <summary>One CSV column: its header (the JSON field's name, dotted for nested fields) and how to read it.</summary>
public sealed record CsvColumn<T>(string Name, Func<T, object?> Value);

/// <summary>Builds a column list fluently: <c>new CsvColumns&lt;Row&gt;().Add("id", r =&gt; r.Id)</c>.</summary>
public sealed class CsvColumns<T> : List<CsvColumn<T>>
{
    public CsvColumns<T> Add(string name, Func<T, object?> value)
    {
        Add(new CsvColumn<T>(name, value));
        return this;
    }

    /// <summary>Adds the columns of a nested object under "<paramref name="prefix"/>.", as JSON nests them.</summary>
    public CsvColumns<T> AddNested<TNested>(string prefix, Func<T, TNested?> nested, CsvColumns<TNested> columns)
    {
        foreach (var column in columns)
            Add(new CsvColumn<T>(prefix + "." + column.Name,
                row => nested(row) is { } value ? column.Value(value) : null));
        return this;
    }
}
