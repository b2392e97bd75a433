using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Field Selection Merging (spec §5.3.2): a selection set is valid only if every two fields that share a
/// response name, fragments included, can be merged without ambiguity: same field, same arguments,
/// compatible return shapes, recursively through their subfields.
/// </summary>
/// <remarks>
/// Each conflict is reported once, at the selection set where the two fields meet, with the locations of
/// both fields and of the conflicting subfields. The work stays polynomial for documents that repeat fields
/// or spread fragments heavily; see <see cref="OverlappingFieldsConflictFinder"/>.
/// </remarks>
public static class OverlappingFieldsCanBeMergedRule
{
    /// <summary>
    /// Reported, once, instead of conflicts when fields nest through fragments too deeply to be compared on the
    /// available stack. graphql-js has no such error: it fails with a stack overflow on these documents.
    /// </summary>
    public const string TooDeepMessage =
        "Fields are nested too deeply through fragments to check that they can be merged.";

    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        // One finder for the whole document, so its memos carry over from one selection set to the next.
        private readonly OverlappingFieldsConflictFinder _finder = new(context.Schema, context.GetFragment);

        private readonly Action<OverlappingFieldsConflict> _report = conflict =>
            context.ReportError(new GraphQLError(conflict.Message, [.. conflict.Fields1, .. conflict.Fields2]));

        private bool _tooDeep;

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not SelectionSetNode selectionSet || _tooDeep) return VisitAction.Continue;

            try
            {
                // Reported as found: once the validator's error limit is reached, its ReportError throws and the
                // search ends with it, instead of working out conflicts nobody will see.
                _finder.FindWithinSelectionSet(context.GetParentType() as GraphQLType, selectionSet, _report);
            }
            catch (InsufficientExecutionStackException)
            {
                // Fragments can nest fields far deeper than the document's own nesting, and each level of
                // comparison recurses (graphql-js overflows its stack on such documents). Refuse the document
                // instead; the memos are now incomplete, so nothing more is checked.
                _tooDeep = true;
                context.ReportError(new GraphQLError(TooDeepMessage, [selectionSet]));
            }
            return VisitAction.Continue;
        }
    }
}
