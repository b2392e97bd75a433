namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>
/// Random argument lists for the fields of <see cref="CompilableSubset"/> that take arguments, inside the subset
/// (<c>after</c> only with a cursor of the query asked for; one <c>asOf</c> per operation, on some of its root fields). Values come from the seed data, mixed with values
/// that match nothing and explicit nulls, because those are where two implementations most easily part ways.
/// </summary>
public static class SubsetArguments
{
    private static readonly int[] PageSizes = [0, 1, 2, 3, 5, 7, 20, 100];

    // Wildcards and a quote: a search that reached SQL unescaped would match too much or break the statement.
    private static readonly string[] AwkwardSearches = ["", "zzz-no-match", "%", "_", "it's", "NET", "é"];

    /// <summary>The argument writer of a field, keyed "Type.field"; null when the field takes none.</summary>
    public static Func<GeneratedQueryWriter, string>? For(string typeAndField) => typeAndField switch
    {
        "Query.projects" => Projects,
        "Query.project" => w => $"(slug: {w.Value("String!", GraphQLValue.String(Slug(w)))})",
        "Query.revenue" => RootRevenue,
        "Query.tokenPrices" => w => w.Chance(0.5) ? $"(date: {Nullable(w, "Date", GraphQLValue.String(w.OneOf(Dates(w))))})" : "",
        "Query.sectorFigures" => w => w.Chance(0.5) ? $"(scope: {Nullable(w, "SectorScope", GraphQLValue.Enum(w.Chance(0.5) ? "DEPIN" : "DEPIN_COMPUTE"))})" : "",
        "Project.revenue" => Revenue,
        "Project.tokenPrices" => TokenPrices,
        "Project.metrics" => Metrics,
        _ => null,
    };

    /// <summary>
    /// The past version (the fixture imports two), the newest by number and a day after every import; a day before
    /// any data is an error, pinned apart.
    /// </summary>
    public static IReadOnlyList<string> AsOfValues { get; } = ["1", "1", "2", "9999-12-31"];

    /// <summary>The writer's arguments plus, on some occurrences, <c>asOf</c> with the operation's one value.</summary>
    public static Func<GeneratedQueryWriter, string> WithAsOf(Func<GeneratedQueryWriter, string>? writer, string asOf) => w =>
    {
        var arguments = writer?.Invoke(w) ?? "";
        var drawn = w.Chance(0.6);
        // A cursor is signed for the request's asOf: a field paging after one gives that asOf itself, so that it is the
        // request's whichever other root fields give it or are skipped. Written without a draw of its own, so that the
        // operations generated otherwise stay as they were.
        if (!drawn && !arguments.Contains("after: ", StringComparison.Ordinal)) return arguments;
        var argument = "asOf: " + (drawn ? w.Value("AsOf", GraphQLValue.String(asOf)) : GraphQLValue.String(asOf).Literal);
        return arguments.Length == 0 ? $"({argument})" : arguments[..^1] + ", " + argument + ")";
    };

    private static string Projects(GeneratedQueryWriter w)
    {
        var arguments = new List<string>();
        var filtered = w.Chance(0.5);
        if (filtered) arguments.Add("filter: " + Filter(w));
        var order = "SLUG ASC";
        if (w.Chance(0.45)) arguments.Add("orderBy: " + Order(w, out order));
        if (w.Chance(0.75)) arguments.Add("first: " + w.Value("Int!", GraphQLValue.Int(w.OneOf(PageSizes))));
        // A cursor of the order chosen, and of the operation's asOf: the second page, or past the last project. A cursor
        // is signed for its filter too, and the seed's are of the unfiltered list, so a filtered list gets none (a
        // cursor of another query is pinned apart: SignedCursorTests).
        if (w.Chance(0.3))
        {
            var cursor = w.OneOf(w.Seed.CursorsOf(order, w.AsOf));
            arguments.Add("after: " + Nullable(w, "String", filtered ? GraphQLValue.Null : GraphQLValue.String(cursor)));
        }
        return Join(w, arguments);
    }

    private static string Filter(GeneratedQueryWriter w)
    {
        if (w.Chance(0.05)) return w.Chance(0.5) ? "null" : w.Variable("ProjectFilter", GraphQLValue.Null);
        var sector = GraphQLValue.Enum(w.OneOf(w.Seed.Sectors));
        var search = GraphQLValue.String(Search(w));
        var slugs = GraphQLValue.List(SlugList(w).Select(GraphQLValue.String));
        var chosen = new List<(string Name, GraphQLValue Value)>();
        if (w.Chance(0.45)) chosen.Add(("sector", sector));
        if (w.Chance(0.4)) chosen.Add(("search", search));
        if (w.Chance(0.4)) chosen.Add(("slugs", slugs));

        if (w.Chance(0.25)) return w.Variable("ProjectFilter", GraphQLValue.Object(chosen));
        // Written as a literal object whose fields may themselves be variables.
        var fields = chosen.Select(f => f.Name + ": " + f.Name switch
        {
            "sector" => w.Value("Sector", f.Value),
            "search" => w.Value("String", f.Value),
            _ => w.Chance(0.25) ? w.Variable("[String!]", f.Value) : SlugListLiteral(w, f.Value),
        });
        return "{" + string.Join(", ", fields) + "}";
    }

    // A literal list whose items may be variables.
    private static string SlugListLiteral(GeneratedQueryWriter w, GraphQLValue list) =>
        "[" + string.Join(", ", list.Json!.AsArray().Select(s => w.Value("String!", GraphQLValue.String(s!.GetValue<string>())))) + "]";

    /// <summary>An orderBy; <paramref name="chosen"/> is the order it means ("NAME DESC"), defaults filled in.</summary>
    private static string Order(GeneratedQueryWriter w, out string chosen)
    {
        var parts = new List<(string, GraphQLValue)>();
        var (field, direction) = ("SLUG", "ASC");
        if (w.Chance(0.8)) parts.Add(("field", GraphQLValue.Enum(field = w.Chance(0.5) ? "NAME" : "SLUG")));
        if (w.Chance(0.8)) parts.Add(("direction", GraphQLValue.Enum(direction = w.Chance(0.5) ? "ASC" : "DESC")));
        chosen = field + " " + direction;
        var order = GraphQLValue.Object(parts);
        return w.Chance(0.3) ? w.Variable("ProjectOrder", order) : order.Literal;
    }

    private static string Revenue(GeneratedQueryWriter w)
    {
        var quarters = Quarters(w);
        var arguments = new List<string>();
        string? from = null;
        if (w.Chance(0.4)) arguments.Add("from: " + Nullable(w, "Quarter", GraphQLValue.String(from = w.OneOf(quarters))));
        if (w.Chance(0.4)) arguments.Add("to: " + Nullable(w, "Quarter", GraphQLValue.String(NotBefore(from, w.OneOf(quarters)))));
        if (w.Chance(0.4)) arguments.Add("metric: " + Nullable(w, "RevenueMetric", GraphQLValue.Enum(w.OneOf(w.Seed.RevenueMetrics))));
        if (w.Chance(0.5)) arguments.Add("units: " + Units(w));
        return Join(w, arguments);
    }

    private static string Units(GeneratedQueryWriter w) => w.Value("Units!", GraphQLValue.Enum(w.OneOf(["LIN", "CHG", "PCH", "PC1"])));

    private static string RootRevenue(GeneratedQueryWriter w)
    {
        var arguments = new List<string>();
        if (w.Chance(0.4)) arguments.Add("quarter: " + Nullable(w, "Quarter", GraphQLValue.String(w.OneOf(Quarters(w)))));
        if (w.Chance(0.4)) arguments.Add("metric: " + Nullable(w, "RevenueMetric", GraphQLValue.Enum(w.OneOf(w.Seed.RevenueMetrics))));
        if (w.Chance(0.5)) arguments.Add("units: " + Units(w));
        return Join(w, arguments);
    }

    private static string TokenPrices(GeneratedQueryWriter w)
    {
        var dates = Dates(w);
        var arguments = new List<string>();
        string? from = null;
        if (w.Chance(0.4)) arguments.Add("from: " + Nullable(w, "Date", GraphQLValue.String(from = w.OneOf(dates))));
        if (w.Chance(0.4)) arguments.Add("to: " + Nullable(w, "Date", GraphQLValue.String(NotBefore(from, w.OneOf(dates)))));
        return Join(w, arguments);
    }

    // A range out of order, or a metric no figure states, is an error on both paths, pinned apart
    // (PinnedCompilableQueries.Refused); the generated ones are answered with data. Quarters and days as written
    // (2025Q3, 2026-06-01) sort as they fall.
    private static string NotBefore(string? from, string to) => from is not null && string.CompareOrdinal(to, from) < 0 ? from : to;

    // Any project's metric: on the others it matches nothing, an empty list.
    private static string Metrics(GeneratedQueryWriter w)
    {
        if (!w.Chance(0.6)) return "";
        // Drawn as when one in seven was a metric no figure states (now the first metric), so the other generated
        // queries stay as they were.
        var metric = w.Chance(0.85) ? w.OneOf(w.Seed.NetworkMetrics) : w.Seed.NetworkMetrics[0];
        return $"(metric: {Nullable(w, "String", GraphQLValue.String(metric))})";
    }

    // The seed's quarters and days, and some that hold no figure.
    private static List<string> Quarters(GeneratedQueryWriter w) => w.Seed.Quarters.Concat(["2024Q4", "2026Q4"]).ToList();

    private static List<string> Dates(GeneratedQueryWriter w) => w.Seed.Dates.Concat(["2025-12-31", "2026-06-02"]).ToList();

    /// <summary>A value for a nullable argument: now and then an explicit null, as a literal or a variable.</summary>
    private static string Nullable(GeneratedQueryWriter w, string type, GraphQLValue value) =>
        w.Value(type, w.Chance(0.1) ? GraphQLValue.Null : value);

    private static string Slug(GeneratedQueryWriter w) =>
        w.Chance(0.8) ? w.OneOf(w.Seed.Slugs) : w.Chance(0.5) ? "unknown-project" : w.OneOf(w.Seed.Slugs).ToUpperInvariant();

    // Sometimes empty (no project can match), sometimes naming one project twice.
    private static List<string> SlugList(GeneratedQueryWriter w) =>
        Enumerable.Range(0, w.Chance(0.15) ? 0 : 1 + w.Next(3)).Select(_ => Slug(w)).ToList();

    /// <summary>Part of a real name, slug or ticker in mixed case, or one of the awkward strings.</summary>
    private static string Search(GeneratedQueryWriter w)
    {
        if (w.Chance(0.25)) return w.OneOf(AwkwardSearches);
        var source = w.OneOf(w.Seed.Names.Concat(w.Seed.Slugs).Concat(w.Seed.TokenSymbols).ToList());
        var length = Math.Min(source.Length, 2 + (w.Chance(0.5) ? 1 : 0));
        var start = (source.Length - length) / 2;
        return new string(source.Substring(start, length).Select(c => w.Chance(0.5) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());
    }

    // Arguments in random order: their order must not change the result.
    private static string Join(GeneratedQueryWriter w, List<string> arguments) =>
        arguments.Count == 0 ? "" : "(" + string.Join(", ", arguments.OrderBy(_ => w.Chance(0.5))) + ")";
}
