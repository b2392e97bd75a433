namespace GraphQLEngine.Execution;

/// <summary>
/// A container in the response being built (an object or a list) that knows where it sits in its own
/// parent, so that a null can travel up to the nearest nullable position and errors can be ordered by
/// their place in the response.
/// </summary>
internal interface IResultParent
{
    /// <summary>The container holding this one; null for the operation's root object.</summary>
    IResultParent? Parent { get; }

    /// <summary>Slot of this container in <see cref="Parent"/>.</summary>
    int IndexInParent { get; }

    /// <summary>Whether the slot in <see cref="Parent"/> is of non-null type, so a null here nulls the parent too.</summary>
    bool NonNullInParent { get; }

    /// <summary>
    /// Once a null has replaced this container (or travelled through it), the position of the earliest
    /// error that caused it; graphql-js would not have completed anything inside it after that position.
    /// </summary>
    int[]? NulledBy { get; set; }

    void SetChild(int index, object? value);
}
