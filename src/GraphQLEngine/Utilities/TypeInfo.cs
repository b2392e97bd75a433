using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Utilities;

/// <summary>Finds the definition of a field selected on a composite type; see <see cref="TypeInfo.GetFieldDefinition"/>.</summary>
public delegate FieldDefinition? FieldDefinitionLookup(GraphQLSchema schema, ICompositeType parentType, FieldNode fieldNode);

/// <summary>
/// graphql-js's <c>TypeInfo</c>: tracks, during a depth-first walk of a document, the type of the current
/// position — output type, parent composite type, input type, field definition, argument, directive,
/// enum value and default value. Call <see cref="Enter"/> before visiting a node's children and
/// <see cref="Leave"/> after, for every node (nodes it does not care about are ignored).
/// Getters return null where graphql-js returns undefined.
/// </summary>
public sealed class TypeInfo
{
    private readonly GraphQLSchema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<ICompositeType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<object?> _defaultValueStack = [];
    private readonly FieldDefinitionLookup _getFieldDef;
    private GraphQLDirective? _directive;
    private ArgumentDefinition? _argument;
    private EnumValueDefinition? _enumValue;

    /// <param name="schema">The schema documents are checked against.</param>
    /// <param name="initialType">Starting type when walking a fragment of a document rather than a whole one.</param>
    /// <param name="getFieldDefinition">Replaces <see cref="GetFieldDefinition"/>, e.g. to add fields.</param>
    public TypeInfo(GraphQLSchema schema, GraphQLType? initialType = null, FieldDefinitionLookup? getFieldDefinition = null)
    {
        _schema = schema;
        _getFieldDef = getFieldDefinition ?? GetFieldDefinition;
        if (initialType is null) return;
        if (initialType.IsInputType()) _inputTypeStack.Add(initialType);
        if (initialType is ICompositeType composite) _parentTypeStack.Add(composite);
        if (initialType.IsOutputType()) _typeStack.Add(initialType);
    }

    /// <summary>The output type at the current position (e.g. the current field's type).</summary>
    public GraphQLType? Type => Top(_typeStack);

    /// <summary>The composite type whose selection set encloses the current position.</summary>
    public ICompositeType? ParentType => Top(_parentTypeStack);

    /// <summary>The input type expected at the current position (argument, variable, list item, input field).</summary>
    public GraphQLType? InputType => Top(_inputTypeStack);

    /// <summary>The input type enclosing <see cref="InputType"/> (e.g. the list or input object).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    /// <summary>The definition of the current field.</summary>
    public FieldDefinition? FieldDef => Top(_fieldDefStack);

    /// <summary>Default value of the current argument or input field; <see cref="Undefined.Value"/> when it has none or there is none.</summary>
    public object? DefaultValue => _defaultValueStack.Count > 0 ? _defaultValueStack[^1] : Undefined.Value;

    /// <summary>The directive being visited.</summary>
    public GraphQLDirective? Directive => _directive;

    /// <summary>The argument definition being visited.</summary>
    public ArgumentDefinition? Argument => _argument;

    /// <summary>The enum value being visited.</summary>
    public EnumValueDefinition? EnumValue => _enumValue;

    /// <summary>Updates the state on entering <paramref name="node"/>.</summary>
    public void Enter(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                _parentTypeStack.Add(Type.GetNamedType() as ICompositeType);
                break;

            case FieldNode field:
            {
                FieldDefinition? fieldDef = null;
                if (ParentType is { } parentType) fieldDef = _getFieldDef(_schema, parentType, field);
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type is { } fieldType && fieldType.IsOutputType() ? fieldType : null);
                break;
            }

            case DirectiveNode directive:
                _directive = _schema.GetDirective(directive.Name.Value);
                break;

            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation));
                break;

            case InlineFragmentNode inlineFragment:
                PushTypeCondition(inlineFragment.TypeCondition);
                break;

            case FragmentDefinitionNode fragment:
                PushTypeCondition(fragment.TypeCondition);
                break;

            case VariableDefinitionNode variableDefinition:
            {
                var inputType = TypeFromAst.Convert(_schema, variableDefinition.Type);
                _inputTypeStack.Add(inputType.IsInputType() ? inputType : null);
                break;
            }

            case ArgumentNode argument:
            {
                var args = _directive is not null ? _directive.Args : FieldDef?.Args;
                var argDef = Named(args, argument.Name.Value);
                _argument = argDef;
                _defaultValueStack.Add(argDef is null ? Undefined.Value : argDef.DefaultValue);
                _inputTypeStack.Add(argDef?.Type is { } argType && argType.IsInputType() ? argType : null);
                break;
            }

            case ListValueNode:
            {
                var listType = InputType.GetNullableType();
                var itemType = listType is GraphQLList list ? list.OfType : listType;
                // List positions never have a default value.
                _defaultValueStack.Add(Undefined.Value);
                _inputTypeStack.Add(itemType.IsInputType() ? itemType : null);
                break;
            }

            case ObjectFieldNode objectField:
            {
                InputFieldDefinition? inputField = null;
                if (InputType.GetNamedType() is GraphQLInputObjectType objectType) inputField = objectType.GetField(objectField.Name.Value);
                _defaultValueStack.Add(inputField is null ? Undefined.Value : inputField.DefaultValue);
                _inputTypeStack.Add(inputField?.Type is { } fieldType && fieldType.IsInputType() ? fieldType : null);
                break;
            }

            case EnumValueNode enumValue:
                _enumValue = InputType.GetNamedType() is GraphQLEnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    // A loop rather than FirstOrDefault with a lambda: the lambda's capture of the switch's pattern variable made the
    // compiler allocate a closure on entering every node, arguments or not.
    private static ArgumentDefinition? Named(IReadOnlyList<ArgumentDefinition>? args, string name)
    {
        if (args is null) return null;
        for (var i = 0; i < args.Count; i++)
            if (args[i].Name == name) return args[i];
        return null;
    }

    /// <summary>Restores the state on leaving <paramref name="node"/>.</summary>
    public void Leave(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                _directive = null;
                break;
            case OperationDefinitionNode or InlineFragmentNode or FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                _argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode or ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                _enumValue = null;
                break;
        }
    }

    /// <summary>
    /// graphql-js's <c>getFieldDef</c>: the field's definition on <paramref name="parentType"/>, including the
    /// meta-fields (<c>__schema</c> and <c>__type</c> on the query root, <c>__typename</c> on any composite type).
    /// </summary>
    public static FieldDefinition? GetFieldDefinition(GraphQLSchema schema, ICompositeType parentType, FieldNode fieldNode)
    {
        var name = fieldNode.Name.Value;
        if (name == Introspection.SchemaMetaFieldDef.Name && ReferenceEquals(schema.QueryType, parentType)) return Introspection.SchemaMetaFieldDef;
        if (name == Introspection.TypeMetaFieldDef.Name && ReferenceEquals(schema.QueryType, parentType)) return Introspection.TypeMetaFieldDef;
        if (name == Introspection.TypeNameMetaFieldDef.Name) return Introspection.TypeNameMetaFieldDef;
        return parentType is GraphQLImplementingType implementing ? implementing.GetField(name) : null;
    }

    private void PushTypeCondition(NamedTypeNode? typeCondition)
    {
        var outputType = typeCondition is not null ? TypeFromAst.Convert(_schema, typeCondition) : Type.GetNamedType();
        _typeStack.Add(outputType.IsOutputType() ? outputType : null);
    }

    private static T? Top<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0) stack.RemoveAt(stack.Count - 1);
    }
}
