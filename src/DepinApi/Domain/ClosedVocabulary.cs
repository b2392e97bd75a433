namespace DepinApi.Domain;

/// <summary>
/// A closed list of values a column of the data may hold, in the order the API lists them. <see cref="Name"/> is
/// also the GraphQL enum's name, so the schema, REST validation and the importer all read this one list; the
/// database's CHECK constraints cannot be derived (migrations are SQL), so a test holds them to it.
/// </summary>
public sealed class ClosedVocabulary
{
    private readonly HashSet<string> set;

    public ClosedVocabulary(string name, string description, params Term[] terms)
    {
        Name = name;
        Description = description;
        Terms = terms;
        Values = terms.Select(t => t.Value).ToArray();
        set = new HashSet<string>(Values, StringComparer.Ordinal);
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<Term> Terms { get; }

    /// <summary>The stored values, in order.</summary>
    public IReadOnlyList<string> Values { get; }

    public bool Contains(string value) => set.Contains(value);
}
