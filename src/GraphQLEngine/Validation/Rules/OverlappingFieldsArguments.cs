using GraphQLEngine.Language;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Decides whether two fields are called with the same arguments. Arguments and input object fields
/// are unordered, so values are compared in a canonical printed form with object fields sorted by name.
/// </summary>
internal sealed class OverlappingFieldsArguments
{
    private static readonly Comparer<string> NameOrder = Comparer<string>.Create(NaturalCompare.Compare);

    // The same argument value is compared against many others in documents that repeat a field.
    private readonly Dictionary<ValueNode, string> _canonicalForms = new(ReferenceEqualityComparer.Instance);

    public bool AreSame(FieldNode field1, FieldNode field2)
    {
        var args1 = field1.Arguments;
        var args2 = field2.Arguments;
        if (args1.Count == 0) return args2.Count == 0;
        if (args2.Count == 0 || args1.Count != args2.Count) return false;

        // A repeated argument name keeps its last value, as a map built from the list would.
        var values2 = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var argument in args2) values2[argument.Name.Value] = argument.Value;

        foreach (var argument in args1)
        {
            if (!values2.TryGetValue(argument.Name.Value, out var value2)) return false;
            if (CanonicalForm(argument.Value) != CanonicalForm(value2)) return false;
        }
        return true;
    }

    /// <summary>The value printed with object fields in name order; equal strings mean equal values.</summary>
    public string CanonicalForm(ValueNode value)
    {
        if (!_canonicalForms.TryGetValue(value, out var printed))
            _canonicalForms[value] = printed = Printer.Print(SortValueNode(value));
        return printed;
    }

    /// <summary>A copy of the value with every object's fields in name order (a stable sort), lists kept in order.</summary>
    private static ValueNode SortValueNode(ValueNode value) => value switch
    {
        ObjectValueNode obj => obj with
        {
            Fields = obj.Fields
                .Select(field => field with { Value = SortValueNode(field.Value) })
                .OrderBy(field => field.Name.Value, NameOrder)
                .ToList(),
        },
        ListValueNode list => list with { Values = list.Values.Select(SortValueNode).ToList() },
        _ => value,
    };
}
