using System.Collections;
using GraphQLEngine.Error;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Execution;

// Completing values (graphql-js's completeValue and its helpers).
internal sealed partial class ExecutionEngine
{
    private void CompleteValue(GraphQLType type, in CompletionSlot slot, in FieldExecution field, object? result)
    {
        var isNonNull = type is GraphQLNonNull;
        var nullableType = isNonNull ? ((GraphQLNonNull)type).OfType : type;
        if (result is Exception returnedError)
        {
            FieldError(returnedError, slot, field, isNonNull);
            return;
        }
        if (result is null || Undefined.Is(result))
        {
            if (isNonNull)
            {
                FieldError(new GraphQLError(
                    $"Cannot return null for non-nullable field {field.ParentType.Name}.{field.FieldName}."), slot, field, true);
            }
            else
            {
                slot.Container.SetChild(slot.Index, null);
            }
            return;
        }
        try
        {
            switch (nullableType)
            {
                case ILeafType leaf:
                    slot.Container.SetChild(slot.Index, CompleteLeafValue(leaf, result));
                    break;
                case GraphQLList list:
                    CompleteListValue(list, isNonNull, slot, field, result);
                    break;
                case GraphQLObjectType objectType:
                    CompleteObjectValue(objectType, isNonNull, slot, field, result);
                    break;
                case IAbstractType abstractType:
                    CompleteObjectValue(ResolveRuntimeType(abstractType, field, result), isNonNull, slot, field, result);
                    break;
                default:
                    throw new InvalidOperationException($"Cannot complete value of unexpected output type: {Inspector.Inspect(nullableType)}");
            }
        }
        catch (Exception exception)
        {
            FieldError(exception, slot, field, isNonNull);
        }
    }

    private static object CompleteLeafValue(ILeafType leafType, object result)
    {
        var serialized = leafType.Serialize(result);
        if (serialized is null || Undefined.Is(serialized))
        {
            throw new GraphQLError(
                $"Expected `{leafType.Name}.serialize({Inspector.Inspect(result)})` to return non-nullable value, returned: {Inspector.Inspect(serialized)}");
        }
        return serialized;
    }

    private void CompleteListValue(GraphQLList listType, bool isNonNull, in CompletionSlot slot, in FieldExecution field, object result)
    {
        // Strings and maps are enumerable in .NET but are not lists to GraphQL (nor iterable objects to graphql-js).
        if (result is string || ObjectEntries.IsObjectLike(result) || result is not IEnumerable enumerable)
        {
            throw new GraphQLError($"Expected Iterable, but did not find one for field \"{field.ParentType.Name}.{field.FieldName}\".");
        }
        var items = result as IList ?? enumerable.Cast<object?>().ToList();
        var values = new object?[items.Count];
        var list = new ListResult(values, slot.Container, slot.Index, isNonNull);
        slot.Container.SetChild(slot.Index, values);
        var listPath = slot.Path;
        var itemType = listType.OfType;
        for (var i = 0; i < values.Length; i++)
        {
            CompleteValue(itemType, CompletionSlot.ForItem(list, i, listPath), field, items[i]);
            // Like graphql-js, stop at the first item whose null made the whole list null.
            if (list.NulledBy is not null) break;
        }
    }

    private void CompleteObjectValue(GraphQLObjectType objectType, bool isNonNull, in CompletionSlot slot, in FieldExecution field, object result)
    {
        var subfields = field.Group.GetSubfields(objectType, _collectSubfields);
        if (objectType.IsTypeOf is { } isTypeOf && !isTypeOf(result, ContextFor(field)))
        {
            throw new GraphQLError($"Expected value of type \"{objectType.Name}\" but got: {Inspector.Inspect(result)}.", field.Group.Nodes);
        }
        var target = new ResponseMap(subfields, slot.Container, slot.Index, isNonNull) { ObjectType = objectType, Path = slot.Path };
        target.SetSource(result);
        slot.Container.SetChild(slot.Index, target);
        _objectsToExecute.Enqueue(target);
    }

    /// <summary>graphql-js's <c>completeAbstractValue</c> and <c>ensureValidRuntimeType</c>.</summary>
    private GraphQLObjectType ResolveRuntimeType(IAbstractType abstractType, in FieldExecution field, object result)
    {
        var context = ContextFor(field);
        var typeName = abstractType.ResolveType is { } resolveType
            ? resolveType(result, context, abstractType)
            : DefaultTypeResolver(result, context, abstractType);
        var nodes = field.Group.Nodes;
        if (typeName is null)
        {
            throw new GraphQLError(
                $"Abstract type \"{abstractType.Name}\" must resolve to an Object type at runtime for field \"{field.ParentType.Name}.{field.FieldName}\". " +
                $"Either the \"{abstractType.Name}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                nodes);
        }
        var runtimeType = _schema.GetType(typeName) ?? throw new GraphQLError(
            $"Abstract type \"{abstractType.Name}\" was resolved to a type \"{typeName}\" that does not exist inside the schema.", nodes);
        if (runtimeType is not GraphQLObjectType objectType)
        {
            throw new GraphQLError($"Abstract type \"{abstractType.Name}\" was resolved to a non-object type \"{typeName}\".", nodes);
        }
        if (!_schema.IsSubType(abstractType, objectType))
        {
            throw new GraphQLError($"Runtime Object type \"{objectType.Name}\" is not a possible type for \"{abstractType.Name}\".", nodes);
        }
        return objectType;
    }

    /// <summary>
    /// graphql-js's <c>defaultTypeResolver</c>: the value's own <c>__typename</c> when it is a string, else the
    /// first possible type whose <c>IsTypeOf</c> accepts the value.
    /// </summary>
    private string? DefaultTypeResolver(object value, ResolveContext context, IAbstractType abstractType)
    {
        if (ObjectEntries.IsObjectLike(value) && ObjectEntries.Get(value, "__typename") is string typename) return typename;
        foreach (var possibleType in _schema.GetPossibleTypes(abstractType))
        {
            if (possibleType.IsTypeOf is { } isTypeOf && isTypeOf(value, context)) return possibleType.Name;
        }
        return null;
    }
}
