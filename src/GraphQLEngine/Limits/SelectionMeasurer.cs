using System.Runtime.CompilerServices;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Limits;

/// <summary>One walk of one operation for <see cref="QueryAnalyzer"/>; the cost model is described there.</summary>
internal sealed class SelectionMeasurer
{
    private readonly GraphQLSchema _schema;
    private readonly QueryLimitOptions _options;
    private readonly OperationValueReader _values;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new();

    // A fragment measures the same wherever it is spread, except that inside a connection its lists are the page:
    // so the key is the fragment and the enclosing connection's page size (null outside one).
    private readonly Dictionary<(string Name, long? ConnectionSize), SelectionMeasure> _fragmentMeasures = new();
    private readonly HashSet<(string Name, long? ConnectionSize)> _fragmentsInProgress = new();

    private readonly HashSet<FieldNode> _reportedFields = new(ReferenceEqualityComparer.Instance);
    private readonly List<GraphQLError> _pageSizeErrors = [];
    private readonly IReadOnlyDictionary<string, object?>? _rawVariables;
    private readonly CostCounter _costs;
    private IntrospectionCounter? _introspection;
    private bool _introspectionStopped;
    private IReadOnlyDictionary<string, object?>? _coercedVariables;
    private bool _variablesCoerced;

    public SelectionMeasurer(
        GraphQLSchema schema,
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        QueryLimitOptions options,
        IReadOnlyDictionary<string, object?>? coercedVariables = null)
    {
        _schema = schema;
        _options = options;
        _costs = options.MaxCost > 0 ? new CostCounter(options.MaxCost) : CostCounter.Unlimited();
        _values = new OperationValueReader(operation, variables);
        _rawVariables = variables;
        // Coerced already by the caller: no second coercion when a page size comes from a variable.
        _coercedVariables = coercedVariables;
        _variablesCoerced = coercedVariables is not null;
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
            _fragments.TryAdd(fragment.Name.Value, fragment);
        Operation = operation;
    }

    public OperationDefinitionNode Operation { get; }

    /// <summary>
    /// Counting stopped somewhere once a part of the cost passed the maximum (see <see cref="CostCounter"/>): a cost
    /// over the maximum is then the lower bound at which it stopped, not the exact cost.
    /// </summary>
    public bool CountingStopped => _costs.Stopped;

    /// <summary>Schema elements the introspection count visited (0 without introspection).</summary>
    public long IntrospectionWalked => _introspection?.Walked ?? 0;

    /// <summary>Missing or too large <c>first</c>/<c>last</c>, one error per field in the document.</summary>
    public IReadOnlyList<GraphQLError> PageSizeErrors => _pageSizeErrors;

    public SelectionMeasure MeasureOperation(GraphQLObjectType rootType)
    {
        var root = MeasureSelectionSet(Operation.SelectionSet, rootType, connectionSize: null);
        return root with { Cost = _costs.Add(root.Cost, root.CopiesCost), Keys = null };
    }

    private SelectionMeasure MeasureSelectionSet(SelectionSetNode selectionSet, GraphQLNamedType? parentType, long? connectionSize)
    {
        // Fragments nest selections without nesting the document, so this recursion goes as deep as a chain of
        // fragments is long, which a document without a token limit can make deeper than any stack. Past what
        // the stack holds, the operation is refused rather than measured.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new TooDeepToMeasureException();

        var total = SelectionMeasure.Zero;
        var keys = new ResponseKeys(_costs);
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            if (_values.IsExcluded(selection)) continue;
            SelectionMeasure measure;
            switch (selection)
            {
                case FieldNode field:
                    (measure, var key) = MeasureField(field, parentType, connectionSize);
                    if (key is { } entry) keys.Add(entry);
                    break;
                case InlineFragmentNode inline:
                    measure = MeasureSelectionSet(
                        inline.SelectionSet,
                        inline.TypeCondition is { } condition ? _schema.GetType(condition.Name.Value) : parentType,
                        connectionSize);
                    break;
                case FragmentSpreadNode spread:
                    measure = MeasureFragment(spread.Name.Value, connectionSize);
                    break;
                default:
                    measure = SelectionMeasure.Zero;
                    break;
            }
            if (measure.Keys is { } nested) keys.AddAll(nested);
            total = total.Beside(measure, _costs);
        }
        return keys.IsEmpty ? total : total with { Keys = keys };
    }

    private SelectionMeasure MeasureFragment(string name, long? connectionSize)
    {
        var key = (name, connectionSize);
        if (_fragmentMeasures.TryGetValue(key, out var known)) return known;
        // Validation rejects cycles; should one get through, it adds nothing rather than looping.
        if (!_fragments.TryGetValue(name, out var fragment) || !_fragmentsInProgress.Add(key)) return SelectionMeasure.Zero;

        var measure = MeasureSelectionSet(fragment.SelectionSet, _schema.GetType(fragment.TypeCondition.Name.Value), connectionSize);
        _fragmentsInProgress.Remove(key);
        _fragmentMeasures[key] = measure;
        return measure;
    }

    /// <summary>The field's measure, and its response key when an aliased copy of it would cost nothing of its own.</summary>
    private (SelectionMeasure Measure, ResponseKeys.Entry? Key) MeasureField(FieldNode field, GraphQLNamedType? parentType, long? connectionSize)
    {
        long aliases = field.Alias is null ? 0 : 1;
        var definition = FindField(parentType, field.Name.Value);
        if (definition is null)
        {
            // Unknown to the schema (validation reports it): only its shape can be measured.
            var unknownChildren = field.SelectionSet is { } unknownSet
                ? MeasureSelectionSet(unknownSet, null, null)
                : SelectionMeasure.Zero;
            return (new SelectionMeasure(0, 1 + unknownChildren.Depth, SaturatingMath.Add(aliases, unknownChildren.Aliases)), null);
        }

        var isList = definition.Type.GetNullableType() is GraphQLList;
        var namedType = definition.Type.GetNamedType();
        var pageSize = ReadPageSize(field, definition, parentType);

        long items;
        long childMultiplier;
        long? childConnectionSize = null;
        var countedByConnection = false;
        if (pageSize is { } size)
        {
            items = size;
            if (isList) childMultiplier = size;
            else
            {
                // A connection is an object that reads data (its count, whether more follow) even with an empty page.
                items = Math.Max(1, size);
                childMultiplier = 1;
                childConnectionSize = size;
            }
        }
        else if (isList)
        {
            countedByConnection = connectionSize is not null;
            items = Bound(field, definition)
                    ?? MetadataInteger(definition, CostMetadata.ListSize)
                    ?? connectionSize
                    ?? _options.DefaultListSize;
            childMultiplier = items;
        }
        else
        {
            items = 1;
            childMultiplier = 1;
        }

        var paged = pageSize is not null || isList;
        var costPerItem = MetadataInteger(definition, CostMetadata.Cost)
                          ?? (paged && !countedByConnection && namedType is ICompositeType ? 1 : 0);

        var children = field.SelectionSet is { } selectionSet
            ? MeasureSelectionSet(selectionSet, namedType, childConnectionSize)
            : SelectionMeasure.Zero;

        var introspection = IsIntrospectionEntry(definition);
        var cost = introspection
            ? IntrospectionCost(field, definition)
            : _costs.Add(
                _costs.Multiply(costPerItem, items),
                _costs.Multiply(childMultiplier, _costs.Add(children.Cost, children.CopiesCost)));
        var measure = new SelectionMeasure(cost, 1 + children.Depth, SaturatingMath.Add(aliases, children.Aliases));

        // What a second response key for this field would add that nothing charges yet (see ResponseKeys).
        var responseKey = field.Alias?.Value ?? field.Name.Value;
        ResponseKeys.Entry? key = introspection ? null
            : countedByConnection ? new ResponseKeys.Entry(ResponseKeys.ConnectionPage, responseKey, Math.Max(1, items), children.Keys, childMultiplier)
            : costPerItem == 0 ? new ResponseKeys.Entry(field.Name.Value, responseKey, isList ? Math.Max(1, items) : 1, children.Keys, childMultiplier)
            : null;
        return (measure, key);
    }

    /// <summary>The page size of a field taking <c>first</c>/<c>last</c> (reporting a missing or too large one), else null.</summary>
    private long? ReadPageSize(FieldNode field, FieldDefinition definition, GraphQLNamedType? parentType)
    {
        if (!OperationValueReader.TakesPageSize(definition)) return null;

        var requested = _values.Read(field, definition);
        var coordinate = $"{parentType?.Name}.{definition.Name}";
        if (requested is null)
        {
            if (_reportedFields.Add(field))
                _pageSizeErrors.Add(QueryLimitErrors.PageSizeRequired(coordinate, field, _options.MaxPageSize, OperationValueReader.PageSizeArgumentsOf(definition)));
            // Measure it as a full page, so the cost is still meaningful.
            return _options.MaxPageSize > 0 ? _options.MaxPageSize : _options.DefaultListSize;
        }

        if (_options.MaxPageSize > 0 && requested > _options.MaxPageSize && _reportedFields.Add(field))
            _pageSizeErrors.Add(QueryLimitErrors.PageSizeTooLarge(coordinate, field, requested.Value, _options.MaxPageSize));
        return requested;
    }

    private FieldDefinition? FindField(GraphQLNamedType? parentType, string name)
    {
        if (name == Introspection.TypeNameMetaFieldDef.Name) return Introspection.TypeNameMetaFieldDef;
        if (parentType is not null && ReferenceEquals(parentType, _schema.QueryType))
        {
            if (name == Introspection.SchemaMetaFieldDef.Name) return Introspection.SchemaMetaFieldDef;
            if (name == Introspection.TypeMetaFieldDef.Name) return Introspection.TypeMetaFieldDef;
        }
        return parentType is GraphQLImplementingType implementing ? implementing.GetField(name) : null;
    }

    /// <summary>What a <c>__schema</c> or <c>__type</c> field returns, counted exactly, at the configured rate.</summary>
    private long IntrospectionCost(FieldNode field, FieldDefinition definition)
    {
        if (_options.IntrospectionObjectsPerPoint <= 0) return 0;
        // Counting has stopped: the operation is refused already, and a throw per further alias is costly. What was
        // counted is in the cost already; the rest is not counted.
        if (_introspectionStopped) return _costs.AtLeast(0);
        var perPoint = _options.IntrospectionObjectsPerPoint;
        // More objects than the maximum cost pays for cannot change the verdict: counting stops there.
        var objectLimit = _options.MaxCost > 0 ? SaturatingMath.Multiply(_options.MaxCost, perPoint) : long.MaxValue;
        // A scalar copied with an alias costs a point per object, as ResponseKeys charges data fields.
        _introspection ??= new IntrospectionCounter(_schema, _values, _fragments, objectLimit, objectsPerCopy: perPoint);
        long objects;
        var countedBefore = _introspection.Counted;
        try
        {
            objects = _introspection.CountEntry(field, definition);
        }
        catch (IntrospectionCounter.OverLimitException overLimit)
        {
            // The entries before this one are in the cost at their exact points; this one adds what was found of it.
            _introspectionStopped = true;
            return _costs.AtLeast(Points(overLimit.ObjectsAtLeast - countedBefore, perPoint));
        }
        return Points(objects, perPoint);
    }

    private static long Points(long objects, long perPoint) => objects / perPoint + (objects % perPoint == 0 ? 0 : 1);

    /// <summary>The field's <see cref="CostMetadata.ListSizeBound"/> applied to its coerced arguments, if it has one and they coerce.</summary>
    private long? Bound(FieldNode field, FieldDefinition definition)
    {
        if (!definition.Metadata.TryGetValue(CostMetadata.ListSizeBound, out var value) || value is not ListSizeBound bound) return null;
        if (CoercedVariables() is not { } variables) return null;
        Dictionary<string, object?> arguments;
        try
        {
            arguments = ArgumentValues.Get(definition.Args, field.Arguments, field, variables);
        }
        catch (GraphQLError)
        {
            // Execution reports the argument and returns no items for this field.
            return null;
        }
        return bound(arguments) is { } items ? Math.Max(0, items) : null;
    }

    /// <summary>The variables as execution will coerce them; null when they do not coerce (execution refuses the request).</summary>
    private IReadOnlyDictionary<string, object?>? CoercedVariables()
    {
        if (_variablesCoerced) return _coercedVariables;
        _variablesCoerced = true;
        try
        {
            var (coerced, _) = VariableValues.Coerce(
                _schema, Operation.VariableDefinitions, VariableValues.ToInputs(_rawVariables), maxErrors: 1);
            _coercedVariables = coerced;
        }
        catch (ArgumentException)
        {
            _coercedVariables = null;
        }
        return _coercedVariables;
    }

    private static bool IsIntrospectionEntry(FieldDefinition definition) =>
        ReferenceEquals(definition, Introspection.SchemaMetaFieldDef) || ReferenceEquals(definition, Introspection.TypeMetaFieldDef);

    /// <summary>The operation nests selections (through fragments) more deeply than the stack allows measuring.</summary>
    internal sealed class TooDeepToMeasureException : Exception;

    private static long? MetadataInteger(FieldDefinition definition, string key) =>
        definition.Metadata.TryGetValue(key, out var value) ? IntegerValues.ToNonNegativeInteger(value) : null;
}
