using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Execution;

// Executing fields (graphql-js's executeFields / executeField) and handling their errors.
internal sealed partial class ExecutionEngine
{
    private void ExecuteFields(ResponseMap target)
    {
        if (IsUnreached(target))
        {
            target.ReleaseExecutionState();
            return;
        }
        var groups = target.Fields!.Groups;
        var parentType = target.ObjectType!;
        var source = target.Source;
        IResultParent self = target;
        for (var i = 0; i < groups.Length; i++)
        {
            ExecuteField(target, i, parentType, groups[i], source);
            // graphql-js stops executing an object's fields once a null propagated out of one of them.
            if (self.NulledBy is not null) break;
        }
        target.ReleaseExecutionState();
    }

    [SuppressMessage("Reliability", "CA2012:Use ValueTasks correctly",
        Justification = "The resolver's ValueTask is consumed once: read here only when it has completed, otherwise handed to AwaitResolverAsync and awaited there.")]
    private void ExecuteField(ResponseMap target, int index, GraphQLObjectType parentType, FieldGroup group, object? source)
    {
        var definition = group.Definition;
        if (group.ArgumentsError is { } argumentsError)
        {
            FieldError(argumentsError, new FieldExecution(target, index, parentType, group, source, null), definition.Type);
            return;
        }

        var resolver = definition.Resolver;
        if (resolver is null || ReferenceEquals(definition, Introspection.TypeNameMetaFieldDef))
        {
            // The default resolver and __typename need no context, so synchronous leaves cost no allocation.
            var field = new FieldExecution(target, index, parentType, group, source, null);
            object? value;
            try
            {
                value = resolver is null ? DefaultFieldResolver.Resolve(source, definition.Name) : parentType.Name;
            }
            catch (Exception exception)
            {
                FieldError(exception, field, definition.Type);
                return;
            }
            CompleteValue(definition.Type, field.Slot, field, value);
            return;
        }

        var path = ResponsePath.Add(target.Path, group.ResponseKey, parentType.Name);
        var context = CreateContext(parentType, group, source, path);
        var execution = new FieldExecution(target, index, parentType, group, source, context);
        ValueTask<object?> pending;
        object? resolved;
        try
        {
            pending = resolver(context);
            resolved = pending.IsCompleted ? pending.GetAwaiter().GetResult() : null;
        }
        catch (Exception exception)
        {
            FieldError(exception, execution, definition.Type);
            return;
        }
        if (pending.IsCompleted)
        {
            CompleteValue(definition.Type, execution.Slot, execution, resolved);
            return;
        }
        _inFlight++;
        _ = AwaitResolverAsync(pending, new ArrivedField(execution));
    }

    private async Task AwaitResolverAsync(ValueTask<object?> pending, ArrivedField arrived)
    {
        try
        {
            arrived.Value = await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            arrived.Exception = exception;
        }
        Post(arrived);
    }

    private sealed class ArrivedField(FieldExecution field) : IArrivedWork
    {
        public object? Value { get; set; }

        public Exception? Exception { get; set; }

        public void Complete(ExecutionEngine engine)
        {
            var type = field.Group.Definition.Type;
            if (Exception is not null) engine.FieldError(Exception, field, type);
            else engine.CompleteValue(type, field.Slot, field, Value);
        }
    }

    private ResolveContext CreateContext(GraphQLObjectType parentType, FieldGroup group, object? source, ResponsePath path) => new()
    {
        Source = source,
        Arguments = group.Arguments,
        FieldDefinition = group.Definition,
        FieldNodes = group.Nodes,
        ParentType = parentType,
        Path = path,
        Schema = _schema,
        Operation = _operation,
        Fragments = _fragments,
        VariableValues = _variables,
        RootValue = _request.RootValue,
        UserContext = _request.UserContext,
        RequestServices = _request.RequestServices,
        CancellationToken = _cancellation,
        Items = _items,
    };

    /// <summary>The field's context, created now if its resolver did not need one (graphql-js's <c>info</c> for type checks).</summary>
    private ResolveContext ContextFor(in FieldExecution field) =>
        field.Context ?? CreateContext(field.ParentType, field.Group, field.Source, field.Slot.Path);

    private void FieldError(Exception exception, in FieldExecution field, GraphQLType fieldType) =>
        FieldError(exception, field.Slot, field, fieldType is GraphQLNonNull);

    /// <summary>
    /// graphql-js's <c>handleFieldError</c>: records the error at the slot and puts null there, or, when the
    /// slot is non-null, into the nearest nullable position above it.
    /// </summary>
    private void FieldError(Exception exception, in CompletionSlot slot, in FieldExecution field, bool slotIsNonNull)
    {
        if ((exception is OperationCanceledException && _cancellation.IsCancellationRequested)
            || _request.Options.AbortsExecution?.Invoke(exception) == true)
        {
            ExceptionDispatchInfo.Throw(exception);
        }
        var position = slot.Position();
        _errors.Add(Locate(exception, field.Group.Nodes, slot.Path), position);
        if (slotIsNonNull) PropagateNull(slot.Container, position);
        else slot.Container.SetChild(slot.Index, null);
    }

    private void PropagateNull(IResultParent container, int[] cause)
    {
        var current = container;
        while (true)
        {
            if (current.NulledBy is null || FieldErrors.Compare(cause, current.NulledBy) < 0) current.NulledBy = cause;
            var parent = current.Parent;
            if (parent is null)
            {
                _dataNulled = true;
                _errors.AddNulledScope([], cause);
                return;
            }
            if (!current.NonNullInParent)
            {
                parent.SetChild(current.IndexInParent, null);
                _errors.AddNulledScope(CompletionSlot.PositionOf(current), cause);
                return;
            }
            current = parent;
        }
    }

    /// <summary>
    /// Whether an object lies inside a value that became null because of an error before it in the
    /// response: graphql-js, completing depth-first, would never have reached it. Objects before that
    /// error still execute, since graphql-js reports their errors.
    /// </summary>
    private static bool IsUnreached(IResultParent container)
    {
        int[]? position = null;
        for (var current = container.Parent; current is not null; current = current.Parent)
        {
            if (current.NulledBy is not { } cause) continue;
            position ??= CompletionSlot.PositionOf(container);
            if (FieldErrors.Compare(position, cause) > 0) return true;
        }
        return false;
    }

    /// <summary>graphql-js's <c>locatedError</c>, plus masking of unexpected exceptions when configured.</summary>
    private GraphQLError Locate(Exception exception, FieldNode[] fieldNodes, ResponsePath path)
    {
        if (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        if (exception is GraphQLError graphQLError)
        {
            if (graphQLError.Path is not null) return graphQLError;
            var hasNodes = graphQLError.Nodes.Count > 0;
            return new GraphQLError(
                graphQLError.Message,
                hasNodes ? graphQLError.Nodes : fieldNodes,
                path.ToList(),
                graphQLError,
                graphQLError.Extensions,
                !hasNodes && graphQLError.Locations.Count > 0 ? graphQLError.Locations : null);
        }
        var message = _maskUnexpectedErrors ? ExecutionOptions.UnexpectedErrorMessage : exception.Message;
        return new GraphQLError(message, fieldNodes, path.ToList(), exception);
    }
}
