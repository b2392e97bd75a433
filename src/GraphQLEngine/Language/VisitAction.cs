namespace GraphQLEngine.Language;

/// <summary>What the walker does after a visitor's <see cref="AstVisitor.Enter"/> or <see cref="AstVisitor.Leave"/>.</summary>
public enum VisitAction
{
    /// <summary>Go on as usual.</summary>
    Continue,

    /// <summary>
    /// From <see cref="AstVisitor.Enter"/>: do not visit this node's children, and do not call
    /// <see cref="AstVisitor.Leave"/> for it (graphql-js's <c>return false</c>). Means Continue from Leave.
    /// </summary>
    SkipChildren,

    /// <summary>Stop the whole walk now (graphql-js's <c>BREAK</c>); no further Enter or Leave calls.</summary>
    Break,
}
