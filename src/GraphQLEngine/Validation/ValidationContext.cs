using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Validation;

/// <summary>
/// What a validation rule sees of one validation run (graphql-js's <c>ValidationContext</c>): the schema, the
/// document, the type information at the node being visited, fragment and variable lookups computed once per
/// run, and the sink for errors.
/// </summary>
/// <remarks>
/// The type accessors (<see cref="GetType"/>, <see cref="GetParentType"/>, …) are only meaningful while a rule's
/// visitor is being called, because they reflect the shared walk's current position.
/// </remarks>
public sealed class ValidationContext
{
    private readonly TypeInfo _typeInfo;
    private readonly Action<GraphQLError> _onError;
    private Dictionary<string, FragmentDefinitionNode>? _fragments;

    // Nodes are records with structural equality; these caches must key on identity, as graphql-js's Maps do.
    private readonly Dictionary<SelectionSetNode, IReadOnlyList<FragmentSpreadNode>> _fragmentSpreads = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<FragmentDefinitionNode>> _recursivelyReferencedFragments = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ExecutableDefinitionNode, IReadOnlyList<VariableUsage>> _variableUsages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OperationDefinitionNode, IReadOnlyList<VariableUsage>> _recursiveVariableUsages = new(ReferenceEqualityComparer.Instance);

    /// <param name="schema">The schema the document is checked against.</param>
    /// <param name="document">The document being checked.</param>
    /// <param name="typeInfo">Type information kept in step with the walk by the caller.</param>
    /// <param name="onError">Receives every reported error; may throw to abort the run.</param>
    public ValidationContext(GraphQLSchema schema, DocumentNode document, TypeInfo typeInfo, Action<GraphQLError> onError)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Document = document ?? throw new ArgumentNullException(nameof(document));
        _typeInfo = typeInfo ?? throw new ArgumentNullException(nameof(typeInfo));
        _onError = onError ?? throw new ArgumentNullException(nameof(onError));
    }

    public GraphQLSchema Schema { get; }

    public DocumentNode Document { get; }

    /// <summary>Records a rule violation.</summary>
    public void ReportError(GraphQLError error) => _onError(error);

    /// <summary>The fragment definition called <paramref name="name"/>, or null; when several share the name the last wins, as in graphql-js.</summary>
    public FragmentDefinitionNode? GetFragment(string name)
    {
        if (_fragments is null)
        {
            _fragments = new Dictionary<string, FragmentDefinitionNode>();
            foreach (var definition in Document.Definitions)
                if (definition is FragmentDefinitionNode fragment)
                    _fragments[fragment.Name.Value] = fragment;
        }
        return _fragments.GetValueOrDefault(name);
    }

    /// <summary>
    /// The fragment spreads inside <paramref name="selectionSet"/>, looking into fields and inline fragments but not
    /// into the spread fragments. The order is graphql-js's (a stack, so nested sets come after their siblings).
    /// </summary>
    public IReadOnlyList<FragmentSpreadNode> GetFragmentSpreads(SelectionSetNode selectionSet)
    {
        if (_fragmentSpreads.TryGetValue(selectionSet, out var cached)) return cached;
        var spreads = new List<FragmentSpreadNode>();
        var setsToVisit = new Stack<SelectionSetNode>();
        setsToVisit.Push(selectionSet);
        while (setsToVisit.TryPop(out var set))
        {
            var selections = set.Selections;
            for (var i = 0; i < selections.Count; i++)
            {
                var selection = selections[i];
                switch (selection)
                {
                    case FragmentSpreadNode spread:
                        spreads.Add(spread);
                        break;
                    case FieldNode { SelectionSet: { } fieldSet }:
                        setsToVisit.Push(fieldSet);
                        break;
                    case InlineFragmentNode inline:
                        setsToVisit.Push(inline.SelectionSet);
                        break;
                }
            }
        }
        _fragmentSpreads[selectionSet] = spreads;
        return spreads;
    }

    /// <summary>Every defined fragment the operation reaches through spreads, directly or through other fragments, each once.</summary>
    public IReadOnlyList<FragmentDefinitionNode> GetRecursivelyReferencedFragments(OperationDefinitionNode operation)
    {
        if (_recursivelyReferencedFragments.TryGetValue(operation, out var cached)) return cached;
        var fragments = new List<FragmentDefinitionNode>();
        var collectedNames = new HashSet<string>();
        var nodesToVisit = new Stack<SelectionSetNode>();
        nodesToVisit.Push(operation.SelectionSet);
        while (nodesToVisit.TryPop(out var node))
        {
            foreach (var spread in GetFragmentSpreads(node))
            {
                if (!collectedNames.Add(spread.Name.Value)) continue;
                if (GetFragment(spread.Name.Value) is { } fragment)
                {
                    fragments.Add(fragment);
                    nodesToVisit.Push(fragment.SelectionSet);
                }
            }
        }
        _recursivelyReferencedFragments[operation] = fragments;
        return fragments;
    }

    /// <summary>
    /// The variables used in an operation or fragment (not counting variable definitions' default values, nor
    /// spread fragments), each with the input type and default value of its position.
    /// </summary>
    public IReadOnlyList<VariableUsage> GetVariableUsages(ExecutableDefinitionNode node)
    {
        if (_variableUsages.TryGetValue(node, out var cached)) return cached;
        var typeInfo = new TypeInfo(Schema);
        var collector = new VariableUsageCollector(typeInfo);
        AstWalker.Walk(node, new TypeInfoVisitor(typeInfo, collector));
        _variableUsages[node] = collector.Usages;
        return collector.Usages;
    }

    /// <summary>The variable usages of the operation followed by those of every fragment it reaches.</summary>
    public IReadOnlyList<VariableUsage> GetRecursiveVariableUsages(OperationDefinitionNode operation)
    {
        if (_recursiveVariableUsages.TryGetValue(operation, out var cached)) return cached;
        var usages = new List<VariableUsage>(GetVariableUsages(operation));
        foreach (var fragment in GetRecursivelyReferencedFragments(operation))
            usages.AddRange(GetVariableUsages(fragment));
        _recursiveVariableUsages[operation] = usages;
        return usages;
    }

    /// <summary>The output type at the current node (graphql-js's <c>getType</c>; hides <see cref="object.GetType"/> on purpose).</summary>
    public new GraphQLType? GetType() => _typeInfo.Type;

    /// <summary>The composite type whose selection set holds the current node.</summary>
    public ICompositeType? GetParentType() => _typeInfo.ParentType;

    /// <summary>The input type expected at the current node.</summary>
    public GraphQLType? GetInputType() => _typeInfo.InputType;

    /// <summary>The input type enclosing the current input position.</summary>
    public GraphQLType? GetParentInputType() => _typeInfo.ParentInputType;

    /// <summary>The definition of the current field.</summary>
    public FieldDefinition? GetFieldDef() => _typeInfo.FieldDef;

    /// <summary>The definition of the current directive.</summary>
    public GraphQLDirective? GetDirective() => _typeInfo.Directive;

    /// <summary>The definition of the current argument.</summary>
    public ArgumentDefinition? GetArgument() => _typeInfo.Argument;

    /// <summary>The definition of the current enum value.</summary>
    public EnumValueDefinition? GetEnumValue() => _typeInfo.EnumValue;

    /// <summary>Default value of the current argument or input field; <see cref="Undefined.Value"/> when none.</summary>
    public object? GetDefaultValue() => _typeInfo.DefaultValue;

    private sealed class VariableUsageCollector(TypeInfo typeInfo) : AstVisitor
    {
        public List<VariableUsage> Usages { get; } = [];

        public override VisitAction Enter(Node node, AstWalkContext context)
        {
            switch (node)
            {
                case VariableDefinitionNode:
                    return VisitAction.SkipChildren;
                case VariableNode variable:
                    Usages.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.DefaultValue, typeInfo.ParentInputType));
                    break;
            }
            return VisitAction.Continue;
        }
    }
}
