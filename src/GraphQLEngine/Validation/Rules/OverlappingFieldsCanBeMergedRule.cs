using System.Globalization;
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

    /// <summary>
    /// Reported, once, instead of conflicts when checking the document would take more comparisons than its length
    /// allows (<see cref="OverlappingFieldsConflictFinder.AllowanceFor"/>). graphql-js has no such error: it goes
    /// on for as long as the document makes it.
    /// </summary>
    public static string TooManyComparisonsMessage(int allowed) => string.Create(CultureInfo.InvariantCulture,
        $"Checking that the fields of this document can be merged takes more than {allowed:N0} comparisons of fields and fragments, the most a document of its length may take. Send fewer copies of a field that spreads fragments, or fewer fragments.");

    public static AstVisitor Create(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : AstVisitor
    {
        // One finder for the whole document, so its memos carry over from one selection set to the next.
        private readonly OverlappingFieldsConflictFinder _finder =
            new(context.Schema, context.GetFragment, OverlappingFieldsConflictFinder.AllowanceFor(context.Document));

        private readonly Action<OverlappingFieldsConflict> _report = conflict =>
            context.ReportError(new GraphQLError(conflict.Message, [.. conflict.Fields1, .. conflict.Fields2]));

        // Set once the document is refused for its nesting or its comparisons: the memos are incomplete then, so
        // nothing more is checked.
        private bool _refused;

        public override VisitAction Enter(Node node, AstWalkContext walk)
        {
            if (node is not SelectionSetNode selectionSet || _refused) return VisitAction.Continue;

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
                // instead.
                _refused = true;
                context.ReportError(new GraphQLError(TooDeepMessage, [selectionSet]));
            }
            catch (ComparisonsSpentException)
            {
                _refused = true;
                context.ReportError(new GraphQLError(TooManyComparisonsMessage(_finder.Allowance), [selectionSet]));
            }
            return VisitAction.Continue;
        }
    }
}
