using GraphQLEngine.Language;

namespace GraphQLEngine.Validation;

/// <summary>
/// A validation rule (graphql-js's <c>ValidationRule</c>): given the context of one validation run, makes the
/// visitor that checks the document and reports what it finds through <see cref="ValidationContext.ReportError"/>.
/// </summary>
/// <remarks>
/// Rules are factories rather than visitor instances because a visitor keeps per-run state; each run asks every
/// rule for a fresh one. All visitors of a run share one walk (<see cref="ParallelVisitor"/>) wrapped in a
/// <see cref="Utilities.TypeInfoVisitor"/>, so the context's type accessors describe the node being visited.
/// By convention each rule is a static class with a <c>Create</c> method, e.g. <c>UniqueOperationNamesRule.Create</c>.
/// </remarks>
public delegate AstVisitor ValidationRule(ValidationContext context);
