using GraphQLEngine.Utilities;

namespace GraphQLEngine.Type;

/// <summary>
/// The type system rules of graphql-js's <c>validateSchema</c>, with its messages: root types, directive
/// definitions, reserved names, fields and arguments of the right kind of type, interface implementation
/// (fields, argument types, transitive interfaces, covariance), union members, enum values, input object
/// fields, <c>@oneOf</c> constraints and non-null input object cycles.
/// </summary>
public static class SchemaValidator
{
    /// <summary>Prefer <see cref="GraphQLSchema.Validate"/>, which caches the result.</summary>
    public static IReadOnlyList<SchemaValidationError> Validate(GraphQLSchema schema)
    {
        var errors = new List<SchemaValidationError>();
        ValidateRootTypes(schema, errors);
        ValidateDirectives(schema, errors);
        ValidateTypes(schema, errors);
        return errors;
    }

    private static void ValidateRootTypes(GraphQLSchema schema, List<SchemaValidationError> errors)
    {
        // Root types are typed as object types here, so graphql-js's "must be Object type" checks cannot fail.
        if (schema.QueryType is null) errors.Add(new("Query root type must be provided."));
    }

    private static void ValidateDirectives(GraphQLSchema schema, List<SchemaValidationError> errors)
    {
        foreach (var directive in schema.Directives)
        {
            ValidateName(directive.Name, errors);
            if (directive.Locations.Count == 0)
            {
                errors.Add(new($"Directive @{directive.Name} must include 1 or more locations."));
            }
            foreach (var arg in directive.Args)
            {
                ValidateName(arg.Name, errors);
                if (!arg.Type.IsInputType())
                {
                    errors.Add(new($"The type of @{directive.Name}({arg.Name}:) must be Input Type but got: {Inspector.Inspect(arg.Type)}."));
                }
                if (arg.IsRequired && arg.DeprecationReason is not null)
                {
                    errors.Add(new($"Required argument @{directive.Name}({arg.Name}:) cannot be deprecated."));
                }
            }
        }
    }

    private static void ValidateName(string name, List<SchemaValidationError> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add(new($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection."));
        }
    }

    private static void ValidateTypes(GraphQLSchema schema, List<SchemaValidationError> errors)
    {
        var cycleDetector = new InputObjectCycleDetector(errors);
        foreach (var type in schema.TypeMap.Values)
        {
            if (!Introspection.IsIntrospectionType(type)) ValidateName(type.Name, errors);
            switch (type)
            {
                case GraphQLImplementingType implementing:
                    ValidateFields(schema, implementing, errors);
                    ValidateInterfaces(schema, implementing, errors);
                    break;
                case GraphQLUnionType union:
                    ValidateUnionMembers(union, errors);
                    break;
                case GraphQLEnumType enumType:
                    ValidateEnumValues(enumType, errors);
                    break;
                case GraphQLInputObjectType inputObject:
                    ValidateInputFields(inputObject, errors);
                    cycleDetector.Detect(inputObject);
                    break;
            }
        }
    }

    private static void ValidateFields(GraphQLSchema schema, GraphQLImplementingType type, List<SchemaValidationError> errors)
    {
        var fields = type.GetFields().Values.ToList();
        if (fields.Count == 0) errors.Add(new($"Type {type.Name} must define one or more fields."));
        foreach (var field in fields)
        {
            ValidateName(field.Name, errors);
            if (!field.Type.IsOutputType())
            {
                errors.Add(new($"The type of {type.Name}.{field.Name} must be Output Type but got: {Inspector.Inspect(field.Type)}."));
            }
            foreach (var arg in field.Args)
            {
                ValidateName(arg.Name, errors);
                if (!arg.Type.IsInputType())
                {
                    errors.Add(new($"The type of {type.Name}.{field.Name}({arg.Name}:) must be Input Type but got: {Inspector.Inspect(arg.Type)}."));
                }
                if (arg.IsRequired && arg.DeprecationReason is not null)
                {
                    errors.Add(new($"Required argument {type.Name}.{field.Name}({arg.Name}:) cannot be deprecated."));
                }
            }
        }
    }

    private static void ValidateInterfaces(GraphQLSchema schema, GraphQLImplementingType type, List<SchemaValidationError> errors)
    {
        var seen = new HashSet<string>();
        foreach (var iface in type.GetInterfaces())
        {
            if (ReferenceEquals(type, iface))
            {
                errors.Add(new($"Type {type.Name} cannot implement itself because it would create a circular reference."));
                continue;
            }
            if (!seen.Add(iface.Name))
            {
                errors.Add(new($"Type {type.Name} can only implement {iface.Name} once."));
                continue;
            }
            ValidateTypeImplementsAncestors(type, iface, errors);
            ValidateTypeImplementsInterface(schema, type, iface, errors);
        }
    }

    private static void ValidateTypeImplementsInterface(
        GraphQLSchema schema, GraphQLImplementingType type, GraphQLInterfaceType iface, List<SchemaValidationError> errors)
    {
        foreach (var ifaceField in iface.GetFields().Values)
        {
            var fieldName = ifaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                errors.Add(new($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it."));
                continue;
            }
            if (!TypeComparators.IsTypeSubTypeOf(schema, typeField.Type, ifaceField.Type))
            {
                errors.Add(new($"Interface field {iface.Name}.{fieldName} expects type {Inspector.Inspect(ifaceField.Type)} " +
                               $"but {type.Name}.{fieldName} is type {Inspector.Inspect(typeField.Type)}."));
            }
            foreach (var ifaceArg in ifaceField.Args)
            {
                var argName = ifaceArg.Name;
                var typeArg = typeField.GetArgument(argName);
                if (typeArg is null)
                {
                    errors.Add(new($"Interface field argument {iface.Name}.{fieldName}({argName}:) expected but {type.Name}.{fieldName} does not provide it."));
                    continue;
                }
                if (!TypeComparators.IsEqualType(ifaceArg.Type, typeArg.Type))
                {
                    errors.Add(new($"Interface field argument {iface.Name}.{fieldName}({argName}:) expects type {Inspector.Inspect(ifaceArg.Type)} " +
                                   $"but {type.Name}.{fieldName}({argName}:) is type {Inspector.Inspect(typeArg.Type)}."));
                }
            }
            foreach (var typeArg in typeField.Args)
            {
                if (ifaceField.GetArgument(typeArg.Name) is null && typeArg.IsRequired)
                {
                    errors.Add(new($"Object field {type.Name}.{fieldName} includes required argument {typeArg.Name} that is missing from the Interface field {iface.Name}.{fieldName}."));
                }
            }
        }
    }

    private static void ValidateTypeImplementsAncestors(GraphQLImplementingType type, GraphQLInterfaceType iface, List<SchemaValidationError> errors)
    {
        var typeInterfaces = type.GetInterfaces();
        foreach (var transitive in iface.GetInterfaces())
        {
            if (typeInterfaces.Contains(transitive)) continue;
            errors.Add(new(ReferenceEquals(transitive, type)
                ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}."));
        }
    }

    private static void ValidateUnionMembers(GraphQLUnionType union, List<SchemaValidationError> errors)
    {
        var members = union.GetTypes();
        if (members.Count == 0) errors.Add(new($"Union type {union.Name} must define one or more member types."));
        var seen = new HashSet<string>();
        foreach (var member in members)
        {
            if (!seen.Add(member.Name)) errors.Add(new($"Union type {union.Name} can only include type {member.Name} once."));
        }
    }

    private static void ValidateEnumValues(GraphQLEnumType enumType, List<SchemaValidationError> errors)
    {
        var values = enumType.GetValues();
        if (values.Count == 0) errors.Add(new($"Enum type {enumType.Name} must define one or more values."));
        foreach (var value in values) ValidateName(value.Name, errors);
    }

    private static void ValidateInputFields(GraphQLInputObjectType inputObject, List<SchemaValidationError> errors)
    {
        var fields = inputObject.GetFields().Values.ToList();
        if (fields.Count == 0) errors.Add(new($"Input Object type {inputObject.Name} must define one or more fields."));
        foreach (var field in fields)
        {
            ValidateName(field.Name, errors);
            if (!field.Type.IsInputType())
            {
                errors.Add(new($"The type of {inputObject.Name}.{field.Name} must be Input Type but got: {Inspector.Inspect(field.Type)}."));
            }
            if (field.IsRequired && field.DeprecationReason is not null)
            {
                errors.Add(new($"Required input field {inputObject.Name}.{field.Name} cannot be deprecated."));
            }
            if (inputObject.IsOneOf)
            {
                if (field.Type is GraphQLNonNull)
                {
                    errors.Add(new($"OneOf input field {inputObject.Name}.{field.Name} must be nullable."));
                }
                if (field.HasDefaultValue)
                {
                    errors.Add(new($"OneOf input field {inputObject.Name}.{field.Name} cannot have a default value."));
                }
            }
        }
    }

    /// <summary>Depth-first search for input objects that contain themselves through non-null fields (no value could ever be written).</summary>
    private sealed class InputObjectCycleDetector(List<SchemaValidationError> errors)
    {
        private readonly HashSet<string> _visited = [];
        private readonly List<InputFieldDefinition> _fieldPath = [];
        private readonly Dictionary<string, int> _fieldPathIndexByTypeName = [];

        public void Detect(GraphQLInputObjectType inputObject)
        {
            if (!_visited.Add(inputObject.Name)) return;
            _fieldPathIndexByTypeName[inputObject.Name] = _fieldPath.Count;
            foreach (var field in inputObject.GetFields().Values)
            {
                if (field.Type is not GraphQLNonNull { OfType: GraphQLInputObjectType fieldType }) continue;
                _fieldPath.Add(field);
                if (!_fieldPathIndexByTypeName.TryGetValue(fieldType.Name, out var cycleIndex))
                {
                    Detect(fieldType);
                }
                else
                {
                    var pathText = string.Join(".", _fieldPath.Skip(cycleIndex).Select(f => f.Name));
                    errors.Add(new($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{pathText}\"."));
                }
                _fieldPath.RemoveAt(_fieldPath.Count - 1);
            }
            _fieldPathIndexByTypeName.Remove(inputObject.Name);
        }
    }
}
