using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Type;

/// <summary>Calls a field's resolver the way the executor will, with a hand-made <see cref="ResolveContext"/>.</summary>
internal static class ResolverTestContext
{
    private static readonly OperationDefinitionNode Operation = new()
    {
        Operation = OperationType.Query,
        SelectionSet = new SelectionSetNode([]),
    };

    public static ResolveContext For(GraphQLSchema schema, GraphQLObjectType parentType, FieldDefinition field, object? source,
        IReadOnlyDictionary<string, object?>? arguments = null) => new()
        {
            Schema = schema,
            ParentType = parentType,
            FieldDefinition = field,
            Source = source,
            Arguments = arguments ?? new Dictionary<string, object?>(),
            Path = ResponsePath.Root(field.Name, parentType.Name),
            Operation = Operation,
        };

    public static async Task<object?> Resolve(GraphQLSchema schema, GraphQLObjectType parentType, string fieldName, object? source,
        IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var field = parentType.GetField(fieldName) ?? throw new ArgumentException($"No field {parentType.Name}.{fieldName}.");
        var context = For(schema, parentType, field, source, arguments);
        var resolver = field.Resolver ?? DefaultFieldResolver.Instance;
        return await resolver(context);
    }
}
