using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

/// <summary>
/// One field being executed for one parent value: what completing its value (and its list items) needs
/// to report errors and to resolve abstract types. The resolve context exists only when a resolver or a
/// type check asked for one.
/// </summary>
internal readonly struct FieldExecution(ResponseMap target, int index, GraphQLObjectType parentType, FieldGroup group, object? source, ResolveContext? context)
{
    public ResponseMap Target { get; } = target;

    public int Index { get; } = index;

    public GraphQLObjectType ParentType { get; } = parentType;

    public FieldGroup Group { get; } = group;

    public object? Source { get; } = source;

    public ResolveContext? Context { get; } = context;

    public string FieldName => Group.Definition.Name;

    public CompletionSlot Slot => CompletionSlot.ForField(Target, Index, Group.ResponseKey, ParentType.Name, Context?.Path);
}
