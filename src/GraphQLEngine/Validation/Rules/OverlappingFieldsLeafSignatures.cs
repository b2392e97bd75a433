using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Numbers fields by everything a comparison looks at apart from subselections: response name, field name,
/// the type it is selected on, its definition and its arguments (in order, in canonical form). When at least
/// one of two compared fields has no subselection, the outcome of comparing them depends on these numbers
/// alone, so it can be worked out once and reused for every other pair with the same numbers.
/// </summary>
/// <remarks>
/// This is what keeps a selection set that repeats one field thousands of times cheap: the quadratic number
/// of pairs remains, but each costs two lookups instead of a fresh comparison of arguments.
/// </remarks>
internal sealed class OverlappingFieldsLeafSignatures(OverlappingFieldsArguments arguments)
{
    private readonly Dictionary<OverlappingFieldsNodeAndDef, int> _signatureOfField = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Signature, int> _signatures = [];

    public int Of(OverlappingFieldsNodeAndDef field)
    {
        if (_signatureOfField.TryGetValue(field, out var known)) return known;

        var node = field.Node;
        var argumentsKey = ArgumentsKey(node.Arguments);
        var signature = new Signature(field.ParentType, field.Definition, node.ResponseKey, node.Name.Value, argumentsKey);
        if (!_signatures.TryGetValue(signature, out var number))
            _signatures[signature] = number = _signatures.Count;
        _signatureOfField[field] = number;
        return number;
    }

    // Argument names and canonical values joined by a character printed values never contain raw. Most fields have
    // no arguments, and take no string; none takes an iterator or a delegate.
    private string ArgumentsKey(IReadOnlyList<Language.ArgumentNode> nodes)
    {
        if (nodes.Count == 0) return "";
        var parts = new string[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            parts[i] = nodes[i].Name.Value + "\0" + arguments.CanonicalForm(nodes[i].Value);
        return string.Join("\0", parts);
    }

    private readonly record struct Signature(
        GraphQLType? ParentType, FieldDefinition? Definition, string ResponseName, string FieldName, string Arguments)
    {
        // Types and definitions are compared by identity: the schema has one instance of each.
        public bool Equals(Signature other) =>
            ReferenceEquals(ParentType, other.ParentType)
            && ReferenceEquals(Definition, other.Definition)
            && ResponseName == other.ResponseName
            && FieldName == other.FieldName
            && Arguments == other.Arguments;

        public override int GetHashCode() => HashCode.Combine(
            ParentType is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(ParentType),
            Definition is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Definition),
            ResponseName, FieldName, Arguments);
    }
}
