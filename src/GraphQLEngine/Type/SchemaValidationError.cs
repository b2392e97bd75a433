namespace GraphQLEngine.Type;

/// <summary>One violation of the type system rules found by <see cref="SchemaValidator"/>.</summary>
public sealed record SchemaValidationError(string Message)
{
    public override string ToString() => Message;
}
