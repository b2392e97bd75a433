using System.Text.Json.Nodes;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Writes one random, valid operation over <see cref="CompilableSubset"/>: random fields at every level, aliases,
/// repeated fields that merge, named and inline fragments, <c>@skip</c>/<c>@include</c>, <c>__typename</c>, and
/// arguments as literals or variables drawn from the seed data plus values that match nothing. Given an
/// <see cref="OutsideSubsetElement"/>, it also places that element once where it takes effect, so the operation
/// falls just outside the subset.
/// </summary>
public sealed class GeneratedQueryWriter(Random random, SeedVocabulary seed, OutsideSubsetElement? outside = null)
{
    // The server refuses more than 30 aliases, counting a fragment's once per spread: staying below keeps every
    // generated operation valid.
    private const int AliasBudget = 24;

    // Past this many fields a selection gets one field: documents stay readable in a failure message, and a few
    // hundred of them run in seconds.
    private const int FieldBudget = 45;

    private readonly List<string> _variableDefinitions = [];
    private readonly JsonObject _variables = [];
    private readonly List<string> _fragmentDefinitions = [];
    private readonly List<(string Name, string Type, int Aliases)> _fragments = [];

    // Unaliased fields with arguments reuse one argument set per field in the whole operation: two occurrences of one
    // response name with different arguments would not merge and the document would be invalid. Aliases are unique,
    // so aliased fields get fresh arguments each time.
    private readonly Dictionary<string, string> _canonicalArguments = [];

    private int _aliases, _aliasNames, _fields, _fragmentNames;

    // Inside a directive's reach an outside element might be skipped, and whether a skipped field still makes the
    // operation fall back is not part of the contract; the element is only placed where it certainly runs.
    private int _conditionalDepth;
    private OutsideSubsetElement? _pendingOutside = outside;

    public SeedVocabulary Seed => seed;

    /// <summary>The asOf the operation's root fields give, if any does (null: the newest data).</summary>
    public string? AsOf => _asOf;

    // The request's one asOf, given by some of its root fields (the others follow it); null for the newest data.
    private string? _asOf;

    public GeneratedQuery Write()
    {
        _asOf = Chance(0.3) ? OneOf(SubsetArguments.AsOfValues) : null;
        var body = SelectionSet(CompilableSubset.Root, depth: 0);
        if (_pendingOutside is { } element)
        {
            // Not placed at random along the way: wrap it in a root field of its own.
            body = body[..^1] + WrapAtRoot(element) + " }";
            _pendingOutside = null;
        }

        var operation = (_variableDefinitions.Count > 0, random.Next(3)) switch
        {
            (true, 0) => $"query ({string.Join(", ", _variableDefinitions)}) {body}",
            (true, _) => $"query Generated({string.Join(", ", _variableDefinitions)}) {body}",
            (false, 0) => body,
            (false, 1) => "query " + body,
            (false, _) => "query Generated " + body,
        };
        // Fragment definitions may come before or after the operation; the order must not matter.
        var fragmentsFirst = Chance(0.3);
        var document = string.Join("\n", fragmentsFirst ? [.. _fragmentDefinitions, operation] : (string[])[operation, .. _fragmentDefinitions]);
        return new GeneratedQuery(document, _variableDefinitions.Count > 0 ? _variables : null);
    }

    /// <summary>Declares a variable of <paramref name="type"/> holding <paramref name="value"/> and returns its reference.</summary>
    public string Variable(string type, GraphQLValue value)
    {
        var name = "$v" + (_variableDefinitions.Count + 1);
        if (Chance(0.12))
        {
            // A default in the definition and nothing sent: the server must apply the default.
            _variableDefinitions.Add($"{name}: {type} = {value.Literal}");
            return name;
        }
        _variableDefinitions.Add($"{name}: {type}");
        _variables[name[1..]] = value.Json?.DeepClone();
        return name;
    }

    /// <summary>The value as a literal or, about one time in three, as a variable.</summary>
    public string Value(string type, GraphQLValue value) => Chance(0.3) ? Variable(type, value) : value.Literal;

    public string NewAlias(string field)
    {
        _aliases++;
        return $"{field.TrimStart('_')}_{++_aliasNames}";
    }

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public T OneOf<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string SelectionSet(string type, int depth)
    {
        var fields = CompilableSubset.Fields[type];
        var most = _fields > FieldBudget ? 1 : type == CompilableSubset.Root ? 3 : depth >= 3 ? 3 : 5;
        var items = new List<string>();
        var unaliased = new List<SubsetField>();
        foreach (var field in fields.OrderBy(_ => random.Next()).Take(1 + random.Next(most)))
            items.Add(Field(type, field, depth, unaliased));

        void Insert(string item) => items.Insert(random.Next(items.Count + 1), item);
        if (Chance(0.25)) Insert(Typename());
        if (unaliased.Count > 0 && Chance(0.2))
        {
            // The same field again, without alias: it merges with the first occurrence (sub-selections included).
            Insert(Field(type, OneOf(unaliased), depth, unaliased, alias: false));
        }
        if (_fields <= FieldBudget && depth < 4 && Chance(0.15)) Insert(InlineFragment(type, depth));
        if (_fields <= FieldBudget && depth < 4 && Chance(0.15)) Insert(FragmentSpread(type, depth));
        if (_pendingOutside is { } element && element.HostType == type && _conditionalDepth == 0 && Chance(0.5))
        {
            Insert(element.Write(this));
            _pendingOutside = null;
        }
        return "{ " + string.Join(" ", items) + " }";
    }

    private string Field(string parentType, SubsetField field, int depth, List<SubsetField> unaliased, bool? alias = null)
    {
        _fields++;
        var key = parentType + "." + field.Name;
        var writeArguments = SubsetArguments.For(key);
        if (parentType == CompilableSubset.Root && _asOf is { } asOf) writeArguments = SubsetArguments.WithAsOf(writeArguments, asOf);
        var takesArguments = writeArguments is not null;
        var aliased = alias ?? (_aliases < AliasBudget && Chance(takesArguments ? 0.35 : 0.12));
        var arguments = writeArguments is null ? ""
            : aliased ? writeArguments(this)
            : _canonicalArguments.TryGetValue(key, out var canonical) ? canonical
            : _canonicalArguments[key] = writeArguments(this);
        if (!aliased) unaliased.Add(field);

        var prefix = aliased ? NewAlias(field.Name) + ": " : "";
        var directive = Directive();
        if (field.IsLeaf) return prefix + field.Name + arguments + directive;
        if (directive.Length > 0) _conditionalDepth++;
        var selection = SelectionSet(field.Type!, depth + 1);
        if (directive.Length > 0) _conditionalDepth--;
        return $"{prefix}{field.Name}{arguments}{directive} {selection}";
    }

    private string Typename()
    {
        var prefix = _aliases < AliasBudget && Chance(0.4) ? NewAlias("__typename") + ": " : "";
        return prefix + "__typename" + Directive();
    }

    private string InlineFragment(string type, int depth)
    {
        var condition = Chance(0.6) ? " on " + type : "";
        var directive = Directive();
        if (directive.Length > 0) _conditionalDepth++;
        var selection = SelectionSet(type, depth + 1);
        if (directive.Length > 0) _conditionalDepth--;
        return $"...{condition}{directive} {selection}";
    }

    private string FragmentSpread(string type, int depth)
    {
        var directive = Directive();
        var reusable = _fragments.Where(f => f.Type == type && _aliases + f.Aliases <= AliasBudget).ToList();
        if (reusable.Count > 0 && Chance(0.5))
        {
            var (name, _, aliases) = OneOf(reusable);
            _aliases += aliases;
            return $"...{name}{directive}";
        }

        // Named before its body is written, registered after: a body can only spread fragments already complete, so
        // spreads never form a cycle.
        var newName = $"{type}Part{++_fragmentNames}";
        var aliasesBefore = _aliases;
        if (directive.Length > 0) _conditionalDepth++;
        var body = SelectionSet(type, depth + 1);
        if (directive.Length > 0) _conditionalDepth--;
        _fragmentDefinitions.Add($"fragment {newName} on {type} {body}");
        _fragments.Add((newName, type, _aliases - aliasesBefore));
        return $"...{newName}{directive}";
    }

    /// <summary>Now and then a <c>@skip</c> or <c>@include</c>, with a literal or a variable condition.</summary>
    private string Directive()
    {
        if (!Chance(0.12)) return "";
        var name = Chance(0.5) ? "skip" : "include";
        var condition = GraphQLValue.Boolean(Chance(0.5));
        return $" @{name}(if: {(Chance(0.5) ? condition.Literal : Variable("Boolean!", condition))})";
    }

    private string WrapAtRoot(OutsideSubsetElement element) => element.HostType switch
    {
        "Query" => element.Write(this),
        "Project" => $"{NewAlias("project")}: project(slug: {GraphQLValue.String(OneOf(seed.Slugs)).Literal}) {{ slug {element.Write(this)} }}",
        "ProjectConnection" => $"{NewAlias("projects")}: projects(first: 2) {{ {element.Write(this)} }}",
        "PageInfo" => $"{NewAlias("projects")}: projects(first: 2) {{ pageInfo {{ {element.Write(this)} }} }}",
        "RevenueFigure" => $"{NewAlias("revenue")}: revenue {{ id {element.Write(this)} }}",
        "SettlementMix" => $"{NewAlias("settlementMix")}: settlementMix {{ id {element.Write(this)} }}",
        "TokenPrice" => $"{NewAlias("tokenPrices")}: tokenPrices {{ id {element.Write(this)} }}",
        "SectorSummary" => $"{NewAlias("sectors")}: sectors {{ sector {element.Write(this)} }}",
        "SectorFigure" => $"{NewAlias("sectorFigures")}: sectorFigures {{ id {element.Write(this)} }}",
        "NetworkMetric" => $"{NewAlias("project")}: project(slug: {GraphQLValue.String(OneOf(seed.Slugs)).Literal}) {{ slug metrics {{ id {element.Write(this)} }} }}",
        _ => throw new InvalidOperationException("No root field leads to " + element.HostType),
    };
}
