namespace GraphQLEngine.Execution;

/// <summary>The fields of one selection set for one object type, in response order (graphql-js's grouped field set).</summary>
internal sealed class CollectedFields(FieldGroup[] groups)
{
    public FieldGroup[] Groups { get; } = groups;

    /// <summary>Response keys, shared by every <see cref="ResponseMap"/> built from this selection.</summary>
    public string[] Keys { get; } = Array.ConvertAll(groups, g => g.ResponseKey);
}
