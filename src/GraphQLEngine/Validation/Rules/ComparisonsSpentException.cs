namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Ends the search for conflicting fields once a document has taken the comparisons its length allows (<see cref="OverlappingFieldsConflictFinder.AllowanceFor"/>)
/// comparisons; <see cref="OverlappingFieldsCanBeMergedRule"/> then refuses the document.
/// </summary>
internal sealed class ComparisonsSpentException : Exception;
