using System.Runtime.CompilerServices;
using GraphQLEngine.Language;
using GraphQLEngine.Type;

namespace GraphQLEngine.Validation.Rules;

/// <summary>
/// Finds fields that share a response name but cannot be merged (spec "Field Selection Merging"),
/// following graphql-js's algorithm so that conflicts, their wording and their order are the same.
/// </summary>
/// <remarks>
/// <para>
/// Each selection set of the document first compares the fields "within" itself, once; from then on only
/// sets of fields "between" each other are compared: a selection set's fields against each fragment it
/// spreads, those fragments against each other, and, for two fields with subselections, the two
/// subselections against each other, fragments included.
/// </para>
/// <para>
/// One finder serves one document. Three memos keep the work polynomial however fields and fragments
/// repeat: the field map of every selection set is built once, a field map is compared with a fragment
/// once, and two fragments are compared once (each memo noting whether the comparison was made under
/// mutually exclusive parents, which checks less).
/// </para>
/// <para>
/// Two more memos, beyond graphql-js's, keep repeated fields cheap without changing what is found: the
/// outcome of comparing fields of which one has no subselection is a function of their signatures
/// (<see cref="OverlappingFieldsLeafSignatures"/>), and comparing fields with no fragment beneath them
/// is a function of their shapes (<see cref="OverlappingFieldsShapes"/>). Long response-name groups
/// are first checked shape against shape and skipped whole when no pair of shapes conflicts.
/// </para>
/// </remarks>
internal sealed class OverlappingFieldsConflictFinder
{
    private readonly GraphQLSchema _schema;
    private readonly Func<string, FragmentDefinitionNode?> _getFragment;
    private readonly Dictionary<SelectionSetNode, OverlappingFieldsFieldMap> _fieldMaps = new(ReferenceEqualityComparer.Instance);
    private readonly OverlappingFieldsFragmentPairSet _comparedFragmentPairs = new();
    private readonly OverlappingFieldsArguments _arguments;
    private readonly OverlappingFieldsLeafSignatures _leafSignatures;
    private readonly Dictionary<(int, int, bool), OverlappingFieldsConflictReason?> _leafOutcomes = [];
    private readonly OverlappingFieldsShapes _shapes;
    private readonly Dictionary<(int, int, bool), bool> _shapesKnownToConflict = [];

    // Below this many pairs, comparing them one by one costs less than grouping them by shape first.
    private const int PairsWorthGrouping = 16;

    /// <summary>
    /// The most conflicts between subfields that the reasons of one document's conflicts name in all, beyond the first
    /// of each pair of fields (graphql-js names every one). A pair of fields conflicts as soon as one pair of their
    /// subfields does, so what is cut is wording, never whether a document is valid: two copies of a field that each
    /// select one response name a thousand times, differently, made one error naming every pair, a million reasons in
    /// a 70-million-character message from a 14 KB document, and a validation cache keeping a few such errors held
    /// gigabytes.
    /// </summary>
    public const int MaxSubfieldConflicts = 20;

    private int _subfieldConflictsLeft = MaxSubfieldConflicts;

    /// <summary>
    /// The comparisons any document may take, however short: of two fields (<see cref="CompareFields"/>, memos missed),
    /// of a field map with a fragment and of two fragments. See <see cref="AllowanceFor"/>.
    /// </summary>
    public const int ComparisonsAlways = 2_500;

    /// <summary>
    /// A document may take one comparison per this many characters of its text, when that is more than
    /// <see cref="ComparisonsAlways"/>: a 16 KB document 4,096. Each takes about half a microsecond, and the work is done
    /// holding one of the server's build turns, which another client's request may be waiting for.
    /// </summary>
    public const int CharactersPerComparison = 4;

    /// <summary>
    /// How many comparisons <paramref name="document"/> may take before it is refused
    /// (<see cref="ComparisonsSpentException"/>). The memos keep the work polynomial, not linear: fields that each spread
    /// a fragment are compared pair by pair, so 1,150 copies of <c>source { id ...A }</c> in a 16 KB document were
    /// 661,000 comparisons, 0.3–0.5 s of CPU and 390 MB of garbage, and fragments spreading each other compare pair by
    /// pair too. A server charges for a document by its length, so the allowance grows with the length, never with
    /// its square. Documents people write take a few hundred; graphql-js's own tests take fewer than 2,000.
    /// </summary>
    public static int AllowanceFor(DocumentNode document) =>
        Math.Max(ComparisonsAlways, (document.Loc?.End ?? 0) / CharactersPerComparison);

    private int _comparisonsLeft;

    /// <summary>How many comparisons this finder's document may take.</summary>
    public int Allowance { get; }

    // Counts one comparison; past the allowance, the search ends and the document is refused.
    private void Spend()
    {
        if (--_comparisonsLeft < 0) throw new ComparisonsSpentException();
    }

    /// <param name="allowedComparisons">How many comparisons the document may take (<see cref="AllowanceFor"/>).</param>
    public OverlappingFieldsConflictFinder(GraphQLSchema schema, Func<string, FragmentDefinitionNode?> getFragment, int allowedComparisons)
    {
        _schema = schema;
        Allowance = _comparisonsLeft = allowedComparisons;
        _getFragment = getFragment;
        _arguments = new OverlappingFieldsArguments();
        _leafSignatures = new OverlappingFieldsLeafSignatures(_arguments);
        _shapes = new OverlappingFieldsShapes(_leafSignatures, GetFieldMap);
    }

    /// <summary>
    /// Hands <paramref name="report"/> the conflicts among the fields of one selection set, fragments spread in
    /// it included, one at a time in the order they are to be reported. Conflicts deeper down that lie within a
    /// single nested selection set are left to that selection set, so each is reported once, at its nearest
    /// common ancestor.
    /// </summary>
    /// <remarks>
    /// Each conflict goes out as soon as it is found rather than after the whole search, so a caller that stops
    /// at an error limit (by throwing from <paramref name="report"/>) stops the search there too: a selection set
    /// repeating one field with a different argument each time has a quadratic number of conflicts, and only as
    /// many comparisons are made as it takes to find the ones kept.
    /// </remarks>
    public void FindWithinSelectionSet(GraphQLType? parentType, SelectionSetNode selectionSet, Action<OverlappingFieldsConflict> report)
    {
        var fieldMap = GetFieldMap(parentType, selectionSet);

        // (A) The only place where fields are compared "within" one collection.
        CollectConflictsWithin(report, fieldMap);

        var fragmentNames = fieldMap.FragmentNames;
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            // (B) These fields against each spread fragment,
            CollectConflictsBetweenFieldsAndFragment(report, false, fieldMap, fragmentNames[i]);
            // (C) and every spread fragment against every other one.
            for (var j = i + 1; j < fragmentNames.Count; j++)
                CollectConflictsBetweenFragments(report, false, fragmentNames[i], fragmentNames[j]);
        }
    }

    // Fragments spread from fragments are followed with an explicit stack rather than recursion, so long
    // chains of fragments cannot exhaust the call stack; the visiting order (and so the order of the
    // reported conflicts) is the depth-first order of the recursive formulation.
    private void CollectConflictsBetweenFieldsAndFragment(
        Action<OverlappingFieldsConflict> addConflict, bool areMutuallyExclusive, OverlappingFieldsFieldMap fieldMap, string firstFragmentName)
    {
        // Fields none, conflicts none, wherever the fragments lead; and the memos this walk would fill serve only
        // later walks from the same field map. Skipping it keeps a long chain of fragments that only spread the
        // next one linear: each fragment's selection set would otherwise walk the rest of the chain.
        if (fieldMap.FieldsByResponseName.Count == 0) return;
        // Most calls from repeated fields find the first fragment compared already: no walk, nothing allocated.
        if (fieldMap.ComparedFragments.Has(firstFragmentName, areMutuallyExclusive)) return;

        var pending = _idleNameStacks.TryPop(out var idle) ? idle : new Stack<string>();
        try
        {
            pending.Push(firstFragmentName);
            while (pending.Count > 0)
            {
                var fragmentName = pending.Pop();
                if (fieldMap.ComparedFragments.Has(fragmentName, areMutuallyExclusive)) continue;
                fieldMap.ComparedFragments.Add(fragmentName, areMutuallyExclusive);
                Spend();

                if (_getFragment(fragmentName) is not { } fragment) continue;
                var fragmentFieldMap = GetFragmentFieldMap(fragment);
                // A fragment is never compared with its own fields.
                if (ReferenceEquals(fieldMap, fragmentFieldMap)) continue;

                // (D) The fields against the fragment's fields,
                CollectConflictsBetween(addConflict, areMutuallyExclusive, fieldMap, fragmentFieldMap);
                // (E) then against the fragments it spreads, recursively.
                PushReversed(pending, fragmentFieldMap.FragmentNames);
            }
        }
        finally
        {
            pending.Clear();
            _idleNameStacks.Push(pending);
        }
    }

    // The walks' stacks, reused: a walk runs for each field map and fragment compared, and a walk nested in another
    // (through the subfields it compares) takes a stack of its own.
    private readonly Stack<Stack<string>> _idleNameStacks = new();

    private void CollectConflictsBetweenFragments(
        Action<OverlappingFieldsConflict> addConflict, bool areMutuallyExclusive, string firstFragmentName1, string firstFragmentName2)
    {
        // As above: a fragment against itself, or a pair compared already, needs no walk.
        if (firstFragmentName1 == firstFragmentName2
            || _comparedFragmentPairs.Has(firstFragmentName1, firstFragmentName2, areMutuallyExclusive)) return;

        var pending = new Stack<(string, string)>();
        pending.Push((firstFragmentName1, firstFragmentName2));
        while (pending.Count > 0)
        {
            var (fragmentName1, fragmentName2) = pending.Pop();
            if (fragmentName1 == fragmentName2) continue;
            if (_comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive)) continue;
            _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);
            Spend();

            if (_getFragment(fragmentName1) is not { } fragment1 || _getFragment(fragmentName2) is not { } fragment2) continue;
            var fieldMap1 = GetFragmentFieldMap(fragment1);
            var fieldMap2 = GetFragmentFieldMap(fragment2);

            // (F) The two fragments' own fields,
            CollectConflictsBetween(addConflict, areMutuallyExclusive, fieldMap1, fieldMap2);

            // (G) then the first against the fragments the second spreads, and the second against those
            // the first spreads; pushed last-to-first so they are visited first-to-last.
            var referenced1 = fieldMap1.FragmentNames;
            var referenced2 = fieldMap2.FragmentNames;
            for (var i = referenced1.Count - 1; i >= 0; i--) pending.Push((referenced1[i], fragmentName2));
            for (var i = referenced2.Count - 1; i >= 0; i--) pending.Push((fragmentName1, referenced2[i]));
        }
    }

    private IReadOnlyList<OverlappingFieldsConflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive, GraphQLType? parentType1, SelectionSetNode selectionSet1, GraphQLType? parentType2, SelectionSetNode selectionSet2)
    {
        // Nearly every comparison finds nothing: a collector is reused rather than a list and a delegate made for each
        // (1,150 copies of a field spreading a fragment are 32,000 comparisons in a 16 KB document).
        var collector = _idleCollectors.Count > 0 ? _idleCollectors.Pop() : new SubfieldConflictCollector(this);
        var fieldMap1 = GetFieldMap(parentType1, selectionSet1);
        var fieldMap2 = GetFieldMap(parentType2, selectionSet2);
        var addConflict = collector.Add;
        try
        {
            try
            {
                // (H) The two collections of fields,
                CollectConflictsBetween(addConflict, areMutuallyExclusive, fieldMap1, fieldMap2);

                // (I) each collection against the fragments the other spreads,
                var fragmentNames1 = fieldMap1.FragmentNames;
                var fragmentNames2 = fieldMap2.FragmentNames;
                for (var j = 0; j < fragmentNames2.Count; j++)
                    CollectConflictsBetweenFieldsAndFragment(addConflict, areMutuallyExclusive, fieldMap1, fragmentNames2[j]);
                for (var i = 0; i < fragmentNames1.Count; i++)
                    CollectConflictsBetweenFieldsAndFragment(addConflict, areMutuallyExclusive, fieldMap2, fragmentNames1[i]);

                // (J) and every fragment spread by the first against every fragment spread by the second.
                for (var i = 0; i < fragmentNames1.Count; i++)
                    for (var j = 0; j < fragmentNames2.Count; j++)
                        CollectConflictsBetweenFragments(addConflict, areMutuallyExclusive, fragmentNames1[i], fragmentNames2[j]);
            }
            catch (EnoughSubfieldConflicts)
            {
                // Thrown by this call's collector only: a nested search has a collector of its own and catches its own.
            }
            return collector.Found();
        }
        finally
        {
            collector.Clear();
            _idleCollectors.Push(collector);
        }
    }

    private readonly Stack<SubfieldConflictCollector> _idleCollectors = new();

    /// <summary>
    /// The conflicts of subfields one comparison of two fields finds. Each pair of fields keeps the first conflict of its
    /// subfields; once the document's allowance of them is spent, the search stops there (the memos of what was
    /// compared then overstate it, which can only leave out conflicts of a document already refused for this one).
    /// </summary>
    private sealed class SubfieldConflictCollector
    {
        private readonly List<OverlappingFieldsConflict> _conflicts = [];

        public SubfieldConflictCollector(OverlappingFieldsConflictFinder finder) =>
            Add = conflict =>
            {
                _conflicts.Add(conflict);
                if (--finder._subfieldConflictsLeft <= 0) throw new EnoughSubfieldConflicts();
            };

        public Action<OverlappingFieldsConflict> Add { get; }

        /// <summary>What was found: a copy, since the collector is reused.</summary>
        public IReadOnlyList<OverlappingFieldsConflict> Found() => _conflicts.Count == 0 ? [] : [.. _conflicts];

        public void Clear() => _conflicts.Clear();
    }

    /// <summary>Ends a search for subfield conflicts once <see cref="MaxSubfieldConflicts"/> are named.</summary>
    private sealed class EnoughSubfieldConflicts : Exception;

    private void CollectConflictsWithin(Action<OverlappingFieldsConflict> addConflict, OverlappingFieldsFieldMap fieldMap)
    {
        foreach (var (responseName, fields) in fieldMap.FieldsByResponseName)
        {
            if (fields.Count * (fields.Count - 1) / 2 >= PairsWorthGrouping && NoPairWithinCanConflict(responseName, fields)) continue;
            for (var i = 0; i < fields.Count; i++)
                for (var j = i + 1; j < fields.Count; j++)
                {
                    // Fields within one collection are never mutually exclusive.
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                        addConflict(conflict);
                }
        }
    }

    // Assumes each collection has already been compared within itself, as every selection set is visited.
    private void CollectConflictsBetween(
        Action<OverlappingFieldsConflict> addConflict, bool parentFieldsAreMutuallyExclusive, OverlappingFieldsFieldMap fieldMap1, OverlappingFieldsFieldMap fieldMap2)
    {
        foreach (var (responseName, fields1) in fieldMap1.FieldsByResponseName)
        {
            if (!fieldMap2.FieldsByResponseName.TryGetValue(responseName, out var fields2)) continue;
            if (fields1.Count * fields2.Count >= PairsWorthGrouping
                && NoPairBetweenCanConflict(parentFieldsAreMutuallyExclusive, responseName, fields1, fields2)) continue;
            foreach (var field1 in fields1)
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                        addConflict(conflict);
                }
        }
    }

    private OverlappingFieldsConflict? FindConflict(
        bool parentFieldsAreMutuallyExclusive, string responseName, OverlappingFieldsNodeAndDef field1, OverlappingFieldsNodeAndDef field2)
    {
        if (field1.Node.SelectionSet is not null && field2.Node.SelectionSet is not null)
        {
            if (_shapes.Of(field1) is not { } shape1 || _shapes.Of(field2) is not { } shape2)
                return CompareFields(parentFieldsAreMutuallyExclusive, responseName, field1, field2);
            // A conflict names the nodes involved, so only the absence of one is reused.
            var shapes = (shape1, shape2, parentFieldsAreMutuallyExclusive);
            if (_shapesKnownToConflict.TryGetValue(shapes, out var conflicting) && !conflicting) return null;
            var subfieldConflict = CompareFields(parentFieldsAreMutuallyExclusive, responseName, field1, field2);
            _shapesKnownToConflict[shapes] = subfieldConflict is not null;
            return subfieldConflict;
        }

        // Without subselections on both sides the outcome follows from the fields' signatures alone.
        var key = (_leafSignatures.Of(field1), _leafSignatures.Of(field2), parentFieldsAreMutuallyExclusive);
        if (_leafOutcomes.TryGetValue(key, out var knownReason))
            return knownReason is null ? null : new OverlappingFieldsConflict(knownReason, [field1.Node], [field2.Node]);
        var conflict = CompareFields(parentFieldsAreMutuallyExclusive, responseName, field1, field2);
        _leafOutcomes[key] = conflict?.Reason;
        return conflict;
    }

    private OverlappingFieldsConflict? CompareFields(
        bool parentFieldsAreMutuallyExclusive, string responseName, OverlappingFieldsNodeAndDef field1, OverlappingFieldsNodeAndDef field2)
    {
        Spend();
        var (parentType1, node1, definition1) = field1;
        var (parentType2, node2, definition2) = field2;

        // Two different object types can never both apply to one value, so such fields may differ in
        // name and arguments. Interfaces and unions may overlap, if not in this schema then in a later one.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(parentType1, parentType2) && parentType1 is GraphQLObjectType && parentType2 is GraphQLObjectType);

        if (!areMutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
                return Direct(responseName, $"\"{name1}\" and \"{name2}\" are different fields", node1, node2);
            if (!_arguments.AreSame(node1, node2))
                return Direct(responseName, "they have differing arguments", node1, node2);
        }

        var type1 = definition1?.Type;
        var type2 = definition2?.Type;
        if (type1 is not null && type2 is not null && OverlappingFieldsReturnTypes.Conflict(type1, type2))
            return Direct(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", node1, node2);

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            // Fields nested through fragments can go deeper than the document itself; fail cleanly
            // instead of overflowing the stack.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            var subfieldConflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive, type1.GetNamedType(), selectionSet1, type2.GetNamedType(), selectionSet2);
            return subfieldConflicts.Count == 0 ? null : FromSubfieldConflicts(responseName, node1, node2, subfieldConflicts);
        }
        return null;
    }

    // Whether every pair of fields within the list is known not to conflict, judged by comparing one pair per
    // pair of shapes (in both orders: argument comparison is not quite symmetric). Comparisons of shaped fields
    // touch no fragment memo, so making them here, ahead of the pairwise loop, changes nothing it will find.
    private bool NoPairWithinCanConflict(string responseName, List<OverlappingFieldsNodeAndDef> fields)
    {
        if (GroupByShape(fields) is not { } groups) return false;
        foreach (var (first, second) in groups)
            if (second is not null && FindConflict(false, responseName, first, second) is not null) return false;
        foreach (var (first1, _) in groups)
            foreach (var (first2, _) in groups)
                if (!ReferenceEquals(first1, first2) && FindConflict(false, responseName, first1, first2) is not null) return false;
        return true;
    }

    private bool NoPairBetweenCanConflict(
        bool parentFieldsAreMutuallyExclusive, string responseName, List<OverlappingFieldsNodeAndDef> fields1, List<OverlappingFieldsNodeAndDef> fields2)
    {
        if (GroupByShape(fields1) is not { } groups1 || GroupByShape(fields2) is not { } groups2) return false;
        foreach (var (first1, _) in groups1)
            foreach (var (first2, _) in groups2)
                if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, first1, first2) is not null) return false;
        return true;
    }

    // The first field of each shape and, when the shape recurs, its second field; null when a field has no shape.
    private List<(OverlappingFieldsNodeAndDef First, OverlappingFieldsNodeAndDef? Second)>? GroupByShape(List<OverlappingFieldsNodeAndDef> fields)
    {
        var groups = new List<(OverlappingFieldsNodeAndDef First, OverlappingFieldsNodeAndDef? Second)>();
        var groupOfShape = new Dictionary<int, int>();
        foreach (var field in fields)
        {
            if (_shapes.Of(field) is not { } shape) return null;
            if (!groupOfShape.TryGetValue(shape, out var index))
            {
                groupOfShape[shape] = groups.Count;
                groups.Add((field, null));
            }
            else if (groups[index].Second is null)
            {
                groups[index] = (groups[index].First, field);
            }
        }
        return groups;
    }

    private static OverlappingFieldsConflict Direct(string responseName, string reason, FieldNode node1, FieldNode node2) =>
        new(OverlappingFieldsConflictReason.Direct(responseName, reason), [node1], [node2]);

    private static OverlappingFieldsConflict FromSubfieldConflicts(
        string responseName, FieldNode node1, FieldNode node2, IReadOnlyList<OverlappingFieldsConflict> subfieldConflicts)
    {
        var fields1 = new List<FieldNode> { node1 };
        var fields2 = new List<FieldNode> { node2 };
        foreach (var conflict in subfieldConflicts)
        {
            fields1.AddRange(conflict.Fields1);
            fields2.AddRange(conflict.Fields2);
        }
        var reason = OverlappingFieldsConflictReason.InSubfields(responseName, subfieldConflicts.Select(c => c.Reason).ToList());
        return new OverlappingFieldsConflict(reason, fields1, fields2);
    }

    private OverlappingFieldsFieldMap GetFieldMap(GraphQLType? parentType, SelectionSetNode selectionSet)
    {
        if (!_fieldMaps.TryGetValue(selectionSet, out var fieldMap))
            _fieldMaps[selectionSet] = fieldMap = OverlappingFieldsFieldMap.Collect(_schema, parentType, selectionSet);
        return fieldMap;
    }

    // Whichever visit reaches a selection set first fixes its parent type; for a fragment, when this comes
    // first, that is the type its condition names.
    private OverlappingFieldsFieldMap GetFragmentFieldMap(FragmentDefinitionNode fragment) =>
        _fieldMaps.TryGetValue(fragment.SelectionSet, out var cached)
            ? cached
            : GetFieldMap(Utilities.TypeFromAst.Convert(_schema, fragment.TypeCondition), fragment.SelectionSet);

    private static void PushReversed(Stack<string> stack, IReadOnlyList<string> items)
    {
        for (var i = items.Count - 1; i >= 0; i--) stack.Push(items[i]);
    }
}
