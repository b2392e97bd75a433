using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Writes random executable documents by walking a schema's types: mostly valid selections (real fields,
/// arguments of the right type, fragments on possible types, variables, <c>@skip</c>/<c>@include</c>,
/// introspection), with a small share of the mistakes validation exists to catch (unknown fields and
/// arguments, wrong literals, missing or extra sub-selections, conflicting aliases, fragment cycles,
/// unknown fragments and directives, undeclared variables). One instance writes one document.
/// </summary>
internal sealed class DocumentGenerator
{
    private const int MaxSelectionDepth = 5;
    private const int MaxFragments = 4;

    private readonly Random _random;
    private readonly GraphQLSchema _schema;
    private readonly InputValueGenerator _values;
    private readonly Dictionary<string, GraphQLType> _variables = [];
    private readonly Dictionary<string, object?> _variableValues = [];
    private readonly List<string> _fragmentTexts = [];
    private readonly List<(string Name, GraphQLNamedType On)> _fragments = [];
    private readonly HashSet<string> _fragmentsInProgress = [];

    private DocumentGenerator(Random random, GraphQLSchema schema)
    {
        _random = random;
        _schema = schema;
        _values = new InputValueGenerator(random);
    }

    /// <summary>Writes the document for <paramref name="seed"/>; the same seed always gives the same case.</summary>
    public static FuzzCase Generate(GraphQLSchema schema, int seed) =>
        new DocumentGenerator(new Random(seed), schema).Generate($"generated document, seed {seed}");

    private FuzzCase Generate(string origin)
    {
        var body = new SourceWriter(_random);
        SelectionSet(body, _schema.QueryType!, depth: 0);

        var document = new SourceWriter(_random);
        var operationName = OperationHeader(document);
        document.Token(body.ToString());
        string? selected = operationName;
        if (_random.Next(20) == 0)
        {
            document.Token("query").Token("Other").Token("{").Token("__typename").Token("}");
            selected = _random.Next(4) switch { 0 => "Other", 1 => null, 2 => "Missing", _ => operationName };
        }
        foreach (var fragment in _fragmentTexts) document.Token(fragment);
        if (_random.Next(40) == 0) document.Token("fragment").Token("Unused").Token("on").Token("Book").Token("{").Token("id").Token("}");

        var variables = _random.Next(15) == 0 ? null : new Dictionary<string, object?>(_variableValues);
        return new FuzzCase(origin, document.ToString(), variables, selected);
    }

    /// <summary>Writes <c>query Name($a: T = v) @dir</c> (or nothing, for the shorthand) and returns the name.</summary>
    private string? OperationHeader(SourceWriter writer)
    {
        var undeclared = _random.Next(30) == 0 && _variables.Count > 0 ? _variables.Keys.First() : null;
        if (_variables.Count == 0 && _random.Next(3) > 0) return null;

        writer.Token(_random.Next(40) switch { 0 => "mutation", 1 => "subscription", _ => "query" });
        var name = _random.Next(4) == 0 ? null : "Op" + _random.Next(100);
        if (name is not null) writer.Token(name);
        var declared = _variables.Where(v => v.Key != undeclared).ToList();
        if (_random.Next(25) == 0) declared.Add(new("$unused", Scalars.Int));
        if (declared.Count > 0)
        {
            writer.Token("(");
            foreach (var (variable, type) in declared)
            {
                writer.Token(variable).Token(":").Token(_random.Next(30) == 0 ? "Book" : type.ToString());
                if (_random.Next(5) == 0) writer.Token("=").Token(_values.Literal(type, 0, _ => null));
            }
            writer.Token(")");
        }
        if (_random.Next(15) == 0) writer.Token("@skip").Token("(").Token("if").Token(":").Token("false").Token(")");
        return name;
    }

    private void SelectionSet(SourceWriter writer, GraphQLNamedType type, int depth)
    {
        writer.Token("{");
        if (type is not ICompositeType)
        {
            // A fragment on a leaf type, which validation refuses; its contents do not matter.
            writer.Token("__typename").Token("}");
            return;
        }
        var count = 1 + _random.Next(depth == 0 ? 4 : 3);
        for (var i = 0; i < count; i++) Selection(writer, type, depth);
        writer.Token("}");
    }

    private void Selection(SourceWriter writer, GraphQLNamedType type, int depth)
    {
        var roll = _random.Next(100);
        if (depth == 0 && roll < 5) Introspection(writer);
        else if (roll < 12) InlineFragment(writer, type, depth);
        else if (roll < 19) FragmentSpread(writer, type, depth);
        else if (roll < 23 || type is GraphQLUnionType) writer.Token("__typename");
        else if (roll < 24 && _random.Next(2) == 0) writer.Token(_random.Next(2) == 0 ? "notAField" : "meows");
        else Field(writer, (GraphQLImplementingType)type, depth);
    }

    private void Field(SourceWriter writer, GraphQLImplementingType parent, int depth)
    {
        var fields = parent.GetFields().Values
            .Where(f => depth < MaxSelectionDepth || f.Type.GetNamedType() is ILeafType)
            .ToList();
        var field = fields[_random.Next(fields.Count)];

        if (_random.Next(4) == 0) writer.Token(_random.Next(5) == 0 ? "id" : "a" + _random.Next(6)).Token(":");
        writer.Token(field.Name);
        Arguments(writer, field, depth);
        Directives(writer);

        var named = field.Type.GetNamedType();
        var wantsSelection = named is ICompositeType;
        if (_random.Next(150) == 0) wantsSelection = !wantsSelection;
        if (!wantsSelection) return;
        if (named is ICompositeType) SelectionSet(writer, named, depth + 1);
        else writer.Token("{").Token("id").Token("}");
    }

    private void Arguments(SourceWriter writer, FieldDefinition field, int depth)
    {
        var given = field.Args.Where(a => a.IsRequired ? _random.Next(40) > 0 : _random.Next(3) == 0).ToList();
        var extra = _random.Next(40) == 0;
        if (given.Count == 0 && !extra) return;
        writer.Token("(");
        foreach (var argument in given)
            writer.Token(argument.Name).Token(":").Token(_values.Literal(argument.Type, depth, VariableFor));
        if (extra) writer.Token(_random.Next(2) == 0 && given.Count > 0 ? given[0].Name : "unknownArg").Token(":").Token("1");
        writer.Token(")");
    }

    private void Directives(SourceWriter writer)
    {
        var roll = _random.Next(300);
        if (roll >= 36) return;
        var name = roll switch { 0 => "@unknown", 1 => "@deprecated", _ => _random.Next(2) == 0 ? "@skip" : "@include" };
        writer.Token(name).Token("(").Token("if").Token(":").Token(_values.Literal(new GraphQLNonNull(Scalars.Boolean), 1, VariableFor)).Token(")");
        if (roll == 2) writer.Token(name).Token("(").Token("if").Token(":").Token("true").Token(")");
    }

    private void InlineFragment(SourceWriter writer, GraphQLNamedType type, int depth)
    {
        writer.Token("...");
        var on = TypeCondition(type);
        if (on is not null) writer.Token("on").Token(on.Name);
        Directives(writer);
        SelectionSet(writer, on ?? type, depth + 1);
    }

    private void FragmentSpread(SourceWriter writer, GraphQLNamedType type, int depth)
    {
        var roll = _random.Next(60);
        if (roll == 0)
        {
            writer.Token("...").Token("Nowhere");
            return;
        }
        // Spreading a fragment that is still being written closes a cycle.
        if (roll == 1 && _fragmentsInProgress.Count > 0)
        {
            writer.Token("...").Token(_fragmentsInProgress.First());
            return;
        }
        var reusable = _fragments.Where(f => !_fragmentsInProgress.Contains(f.Name) && (f.On == type || roll < 4)).ToList();
        if (reusable.Count > 0 && (_random.Next(2) == 0 || _fragments.Count >= MaxFragments))
        {
            writer.Token("...").Token(reusable[_random.Next(reusable.Count)].Name);
            return;
        }
        if (_fragments.Count >= MaxFragments || depth >= MaxSelectionDepth)
        {
            writer.Token("__typename");
            return;
        }

        var name = "F" + _fragments.Count;
        var on = TypeCondition(type) ?? type;
        _fragments.Add((name, on));
        _fragmentsInProgress.Add(name);
        var fragment = new SourceWriter(_random);
        fragment.Token("fragment").Token(name).Token("on").Token(on.Name);
        SelectionSet(fragment, on, depth + 1);
        _fragmentsInProgress.Remove(name);
        _fragmentTexts.Add(fragment.ToString());
        writer.Token("...").Token(name);
        Directives(writer);
    }

    /// <summary>A type a fragment within <paramref name="type"/> may be on; rarely one it may not; null for none.</summary>
    private GraphQLNamedType? TypeCondition(GraphQLNamedType type)
    {
        var roll = _random.Next(80);
        if (roll == 0) return _schema.GetType("Genre");
        if (roll == 1) return _schema.GetType("Author");
        if (roll < 16) return null;
        var candidates = new List<GraphQLNamedType> { type };
        if (type is IAbstractType abstractType) candidates.AddRange(_schema.GetPossibleTypes(abstractType));
        if (type is GraphQLImplementingType implementing) candidates.AddRange(implementing.GetInterfaces());
        return candidates[_random.Next(candidates.Count)];
    }

    private void Introspection(SourceWriter writer)
    {
        writer.Token(_random.Next(2) == 0
            ? "__schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name defaultValue } } } directives { name locations } }"
            : "__type(name: \"" + (_random.Next(3) == 0 ? "Nope" : "BookFilter") + "\") { name kind inputFields { name type { name kind ofType { name kind } } defaultValue } enumValues { name } possibleTypes { name } }");
    }

    /// <summary>A variable usable where <paramref name="type"/> is expected, declared (and given a value) on first use.</summary>
    private string? VariableFor(GraphQLType type)
    {
        var name = "$v" + _random.Next(5);
        if (_variables.TryGetValue(name, out var declared)) return declared.Equals(type) || _random.Next(30) == 0 ? name : null;
        _variables[name] = type;
        if (_random.Next(8) > 0) _variableValues[name[1..]] = _values.Plain(type);
        return name;
    }
}
