using System.Collections;
using System.Diagnostics.CodeAnalysis;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// An object of the response: response keys in the order the document selected them, each with its
/// completed value (null, a string, number or boolean, a <see cref="ResponseMap"/>, or a list of these).
/// Keys are fixed when the object is created and filled in as fields complete, so the map costs two
/// arrays and no hashing; lookups by key scan, which is cheap for the handful of keys a selection has.
/// </summary>
public sealed class ResponseMap : IReadOnlyDictionary<string, object?>, IResultParent
{
    private readonly string[] _keys;
    private readonly object?[] _values;

    /// <summary>A map with the given entries, in their order; keys must be unique.</summary>
    /// <exception cref="ArgumentException">A key occurs twice.</exception>
    public ResponseMap(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var list = entries.ToList();
        _keys = list.Select(e => e.Key).ToArray();
        _values = list.Select(e => e.Value).ToArray();
        if (_keys.Distinct(StringComparer.Ordinal).Count() != _keys.Length)
            throw new ArgumentException("Response keys must be unique.", nameof(entries));
    }

    internal ResponseMap(CollectedFields fields, IResultParent? parent, int indexInParent, bool nonNullInParent)
    {
        _keys = fields.Keys;
        _values = new object?[_keys.Length];
        Fields = fields;
        _parent = parent;
        _indexInParent = indexInParent;
        _nonNullInParent = nonNullInParent;
    }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<object?> Values => _values;

    /// <exception cref="KeyNotFoundException">No such key.</exception>
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++) yield return new(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal string KeyAt(int index) => _keys[index];

    internal object? ValueAt(int index) => _values[index];

    // Execution bookkeeping: what is still needed to execute this object's fields, and where it sits.
    internal CollectedFields? Fields { get; private set; }

    internal GraphQLObjectType? ObjectType { get; init; }

    internal object? Source { get; private set; }

    internal ResponsePath? Path { get; init; }

    private readonly IResultParent? _parent;
    private readonly int _indexInParent;
    private readonly bool _nonNullInParent;

    IResultParent? IResultParent.Parent => _parent;

    int IResultParent.IndexInParent => _indexInParent;

    bool IResultParent.NonNullInParent => _nonNullInParent;

    int[]? IResultParent.NulledBy { get; set; }

    internal void SetSource(object? source) => Source = source;

    /// <summary>Drops what only execution needed, so a finished response holds nothing but its values.</summary>
    internal void ReleaseExecutionState()
    {
        Fields = null;
        Source = null;
    }

    void IResultParent.SetChild(int index, object? value) => _values[index] = value;
}
