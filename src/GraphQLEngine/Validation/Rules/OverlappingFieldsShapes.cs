using System.Runtime.CompilerServices;
using System.Text;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Numbers fields by their whole shape: the signature of the field (see <see cref="OverlappingFieldsLeafSignatures"/>)
/// and, recursively, the shape of its subselection, so that two fields with equal numbers look the same to every
/// comparison. Fields whose subselections spread a fragment anywhere have no shape.
/// </summary>
/// <remarks>
/// <para>
/// Comparing two fields without fragments underneath touches none of the memos of fragment comparisons, so its
/// outcome is a function of the two shapes: once two shapes are known not to conflict, every other pair with the
/// same shapes is known not to conflict either. This turns a selection set repeating one field with a
/// subselection thousands of times from a quadratic number of subtree comparisons into a handful.
/// </para>
/// <para>
/// Working out a shape builds the field maps of subselections earlier than the comparisons themselves would.
/// The map of a subselection is keyed by its node and keeps the parent type of whoever builds it first; the
/// document walk and the comparisons agree on that type (or differ only between "none" and a non-composite
/// type, which no comparison can tell apart) except under <c>__schema</c> and <c>__type</c>, whose types only
/// the walk knows. Fields with those names and a subselection are therefore given no shape.
/// </para>
/// </remarks>
internal sealed class OverlappingFieldsShapes(
    OverlappingFieldsLeafSignatures leafSignatures,
    Func<GraphQLType?, SelectionSetNode, OverlappingFieldsFieldMap> getFieldMap)
{
    private readonly Dictionary<OverlappingFieldsNodeAndDef, int?> _shapeOfField = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OverlappingFieldsFieldMap, int?> _shapeOfFieldMap = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int Signature, int SubselectionShape), int> _fieldShapes = [];
    private readonly Dictionary<string, int> _fieldMapShapes = new(StringComparer.Ordinal);

    /// <summary>The field's shape, or null when a fragment spread or an introspection root field lies beneath it.</summary>
    /// <exception cref="InsufficientExecutionStackException">The subselections nest deeper than the stack can follow.</exception>
    public int? Of(OverlappingFieldsNodeAndDef field)
    {
        if (_shapeOfField.TryGetValue(field, out var known)) return known;
        // Recursion follows the document's own nesting, which a parser without a depth limit leaves unbounded.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        int? shape = null;
        var subselectionShape = field.Node.SelectionSet switch
        {
            null => -1,
            _ when field.Node.Name.Value.StartsWith("__", StringComparison.Ordinal) => (int?)null,
            var selectionSet => OfFieldMap(getFieldMap(field.Definition?.Type.GetNamedType(), selectionSet)),
        };
        if (subselectionShape is { } subshape)
        {
            var key = (leafSignatures.Of(field), subshape);
            if (!_fieldShapes.TryGetValue(key, out var number))
                _fieldShapes[key] = number = _fieldShapes.Count;
            shape = number;
        }
        _shapeOfField[field] = shape;
        return shape;
    }

    private int? OfFieldMap(OverlappingFieldsFieldMap fieldMap)
    {
        if (_shapeOfFieldMap.TryGetValue(fieldMap, out var known)) return known;
        var shape = fieldMap.FragmentNames.Count > 0 ? null : DescribeFields(fieldMap) is { } description ? Intern(description) : (int?)null;
        _shapeOfFieldMap[fieldMap] = shape;
        return shape;
    }

    private string? DescribeFields(OverlappingFieldsFieldMap fieldMap)
    {
        // Response names are GraphQL names, so the separators cannot occur in them.
        var description = new StringBuilder();
        foreach (var (responseName, fields) in fieldMap.FieldsByResponseName)
        {
            description.Append(responseName).Append('(');
            foreach (var field in fields)
            {
                if (Of(field) is not { } shape) return null;
                description.Append(shape).Append(',');
            }
            description.Append(')');
        }
        return description.ToString();
    }

    private int Intern(string description)
    {
        if (!_fieldMapShapes.TryGetValue(description, out var number))
            _fieldMapShapes[description] = number = _fieldMapShapes.Count;
        return number;
    }
}
