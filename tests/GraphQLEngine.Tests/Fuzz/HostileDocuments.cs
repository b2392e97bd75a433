using System.Text;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>A hand-made hostile input and how far through the pipeline it should get.</summary>
internal sealed record HostileCase(
    string Name,
    Func<string> Source,
    FuzzStage Expected,
    QueryLimitOptions? Limits = null,
    Func<IReadOnlyDictionary<string, object?>>? Variables = null,
    ParseOptions? Parse = null);

/// <summary>
/// Inputs built to break parsers, validators and executors: nesting far beyond any sane depth, oversized names,
/// strings and numbers, thousands of aliases or repeats of one field, fragment cycles and fragments that double
/// at every level, hostile Unicode, and variable values a client could send. Built lazily, since some are megabytes.
/// </summary>
internal static class HostileDocuments
{
    private const int Deep = 100_000;

    /// <summary>Deep enough to stress recursion, shallow enough for the parser's default depth limit of 256.</summary>
    private const int DeepButParsable = 250;

    /// <summary>Limits that measure everything and refuse nothing, so big valid documents reach the executor.</summary>
    private static readonly QueryLimitOptions NoLimits = new() { MaxDepth = 0, MaxAliases = 0, MaxAliasLength = 0, MaxCost = 0, MaxPageSize = 0 };

    /// <summary>The parser's depth limit stays; only the token limit is lifted, so documents can be long but not deep.</summary>
    private static readonly ParseOptions NoTokenLimit = new() { MaxTokens = 0 };

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        // Nesting far beyond the parser's depth limit: it must refuse without recursing that deep.
        new("100,000 unclosed braces", () => Repeat("{", Deep), FuzzStage.SyntaxError),
        new("100,000 nested selection sets, balanced", () => "{" + Repeat("sequel {", Deep) + "id" + Repeat("}", Deep + 1), FuzzStage.SyntaxError),
        new("100,000 unclosed list brackets in an argument", () => "{ echo(numbers: " + Repeat("[", Deep), FuzzStage.SyntaxError),
        new("100,000 nested list values, balanced", () => "{ echo(numbers: " + Repeat("[", Deep) + "1" + Repeat("]", Deep) + ") }", FuzzStage.SyntaxError),
        new("100,000 nested object values", () => "{ echo(filter: " + Repeat("{nested: ", Deep) + "{}" + Repeat("}", Deep) + ") }", FuzzStage.SyntaxError),
        new("100,000 unclosed parentheses", () => "{ echo" + Repeat("(", Deep), FuzzStage.SyntaxError),
        new("100,000 nested list types", () => "query ($v: " + Repeat("[", Deep) + "Int" + Repeat("]", Deep) + ") { echo }", FuzzStage.SyntaxError),
        new("100,000 nested list values in a variable default", () => "query ($v: [Int] = " + Repeat("[", Deep) + ") { echo }", FuzzStage.SyntaxError),

        // Just within the parser's depth limit: validation, limits and execution recurse over these trees.
        new("250 nested selections, refused by the depth limit", () => "{ book(id: \"b1\") {" + Repeat("sequel {", DeepButParsable - 3) + "id" + Repeat("}", DeepButParsable - 1),
            FuzzStage.RefusedByLimits),
        new("250 nested selections, executed", () => "{ book(id: \"b1\") {" + Repeat("sequel {", DeepButParsable - 3) + "title" + Repeat("}", DeepButParsable - 1),
            FuzzStage.Executed, NoLimits),
        new("250 nested selections through inline fragments", () => "{ book(id: \"b1\") {" + Repeat("... on Book { sequel {", 120) + "id" + Repeat("} }", 120) + "} }",
            FuzzStage.Executed, NoLimits),
        new("250 nested input objects", () => "{ echo(filter: " + Repeat("{nested: ", DeepButParsable) + "{}" + Repeat("}", DeepButParsable) + ") }",
            FuzzStage.Executed),
        new("250 nested list values for a list argument", () => "{ echo(numbers: " + Repeat("[", DeepButParsable) + "1" + Repeat("]", DeepButParsable) + ") }",
            FuzzStage.ValidationErrors),
        new("250 nested list types for a variable", () => "query ($v: " + Repeat("[", DeepButParsable) + "Int" + Repeat("]", DeepButParsable) + ") { echo(numbers: $v) }",
            FuzzStage.ValidationErrors),
        new("250 nested input objects as a variable default", () => "query ($f: BookFilter = " + Repeat("{nested: ", DeepButParsable) + "{}" + Repeat("}", DeepButParsable) + ") { echo(filter: $f) }",
            FuzzStage.Executed),
        new("100 nested input objects as a variable value", () => "query ($f: BookFilter) { echo(filter: $f) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["f"] = NestedFilter(100) }),

        // Width: thousands of fields, aliases and repeats in one selection set.
        new("4,000 aliases", () => "{ books {" + Numbered(4000, i => $" a{i}: title") + " } }", FuzzStage.RefusedByLimits),
        new("4,000 aliases, executed", () => "{ books {" + Numbered(4000, i => $" a{i}: title") + " } }", FuzzStage.Executed, NoLimits),
        new("5,000 repeats of one field", () => "{ books {" + Repeat(" title", 5000) + " } }", FuzzStage.Executed),
        new("3,000 repeats of one field with a sub-selection", () => "{" + Repeat(" books { id }", 3000) + " }", FuzzStage.Executed, NoLimits),
        new("1,000 fields under one response name, all conflicting", () => "{ books {" + Numbered(1000, i => " x: " + (i % 3) switch { 0 => "title", 1 => "pages", _ => "rating" }) + " } }",
            FuzzStage.ValidationErrors),
        new("400 repeats of one field with differing arguments", () => "{" + Numbered(400, i => $" books(first: {i}) {{ id }}") + " }",
            FuzzStage.ValidationErrors),
        // Every pair of the repeats conflicts; the search must stop at the validator's error limit instead of working
        // out all of them. 1,600 repeats (14,402 tokens) are as many as the default token limit lets through.
        new("1,600 repeats of one field with differing arguments", () => "{" + Numbered(1600, i => $" books(first: {i}) {{ id }}") + " }",
            FuzzStage.ValidationErrors),
        new("5,000 repeats of one field with differing arguments, without a token limit", () => "{" + Numbered(5000, i => $" books(first: {i}) {{ id }}") + " }",
            FuzzStage.ValidationErrors, Parse: NoTokenLimit),
        new("5,000 unknown fields", () => "{" + Numbered(5000, i => $" f{i}") + " }", FuzzStage.ValidationErrors),
        new("2,000 variables", () => "query (" + Numbered(2000, i => $"$v{i}: Int = {i} ") + ") { echo(number: $v0) }", FuzzStage.ValidationErrors),
        new("4,000 anonymous operations", () => Repeat("{ __typename } ", 4000), FuzzStage.ValidationErrors),
        new("more tokens than the parser allows", () => "{" + Repeat(" __typename", 20_000) + " }", FuzzStage.SyntaxError),

        // Fragments: cycles of every length, and spreads that double at each level.
        new("fragment spreading itself", () => "{ books { ...A } } fragment A on Book { title ...A }", FuzzStage.ValidationErrors),
        new("fragment spreading itself through a field", () => "{ books { ...A } } fragment A on Book { sequel { ...A } }", FuzzStage.ValidationErrors),
        new("cycle through 1,000 fragments", () => "{ books { ...F0 } }" + Numbered(1000, i => $" fragment F{i} on Book {{ id ...F{(i + 1) % 1000} }}"),
            FuzzStage.ValidationErrors),
        new("500 fragments all spreading each other", () => "{ books { ...F0 } }" + Numbered(500, i => $" fragment F{i} on Book {{ id ...F{(i + 1) % 500} ...F{(i + 7) % 500} }}"),
            FuzzStage.ValidationErrors),
        new("40 fragments doubling at one level", () => "{ books { ...F0 ...G0 } }" + Numbered(40, i => $" fragment F{i} on Book {{ title ...F{i + 1} ...G{i + 1} }} fragment G{i} on Book {{ title ...F{i + 1} ...G{i + 1} }}")
            + " fragment F40 on Book { id } fragment G40 on Book { id }", FuzzStage.ValidationErrors), // more comparisons than its length allows
        new("40 fragments doubling through fields", () => "{ books { ...F0 } }" + Numbered(40, i => $" fragment F{i} on Book {{ sequel {{ ...F{i + 1} }} related {{ ...F{i + 1} }} }}")
            + " fragment F40 on Book { id }", FuzzStage.RefusedByLimits),
        new("40 fragments doubling through aliases at one depth", () => "{ books { ...F0 ...G0 } }" + Numbered(40, i => $" fragment F{i} on Book {{ a{i}: sequel {{ id }} b{i}: sequel {{ id }} ...F{i + 1} ...G{i + 1} }} fragment G{i} on Book {{ a{i}: sequel {{ id }} ...F{i + 1} ...G{i + 1} }}")
            + " fragment F40 on Book { id } fragment G40 on Book { id }", FuzzStage.ValidationErrors), // as above, before its cost is measured
        new("chain of 1,800 fragments at one level", () => "{ books { ...F0 } }" + Numbered(1800, i => $" fragment F{i} on Book {{ ...F{i + 1} }}")
            + " fragment F1800 on Book { id }", FuzzStage.Executed),
        new("chain of 1,300 fragments nested through fields", () => "{ books { ...F0 } }" + Numbered(1300, i => $" fragment F{i} on Book {{ sequel {{ ...F{i + 1} }} }}")
            + " fragment F1300 on Book { id }", FuzzStage.RefusedByLimits),
        // With the depth limit off the response is 1,300 levels deep, past Utf8JsonWriter's default maximum of 1,000.
        new("chain of 1,300 fragments nested through fields, executed without limits", () => "{ books { ...F0 } }"
            + Numbered(1300, i => $" fragment F{i} on Book {{ sequel {{ ...F{i + 1} }} }}") + " fragment F1300 on Book { id }",
            FuzzStage.Executed, NoLimits),
        // Without a token limit a chain of fragments is longer than any stack could follow recursively: each stage
        // must iterate, or refuse the operation with an error. Measuring the operation refuses it.
        new("chain of 20,000 fragments at one level, without a token limit", () => "{ books { ...F0 } }"
            + Numbered(20_000, i => $" fragment F{i} on Book {{ ...F{i + 1} }}") + " fragment F20000 on Book { id }",
            FuzzStage.RefusedByLimits, NoLimits, Parse: NoTokenLimit),
        new("chain of 20,000 fragments nested through fields, without a token limit", () => "{ books { ...F0 } }"
            + Numbered(20_000, i => $" fragment F{i} on Book {{ sequel {{ ...F{i + 1} }} }}") + " fragment F20000 on Book { id }",
            FuzzStage.RefusedByLimits, NoLimits, Parse: NoTokenLimit),
        new("introspection through a chain of 20,000 fragments, without a token limit", () => "{ __schema { types { ...F0 } } }"
            + Numbered(20_000, i => $" fragment F{i} on __Type {{ ...F{i + 1} }}") + " fragment F20000 on __Type { name }",
            FuzzStage.ValidationErrors, NoLimits, Parse: NoTokenLimit),
        new("unknown fragment spread 5,000 times", () => "{ books {" + Repeat(" ...Nowhere", 5000) + " } }", FuzzStage.ValidationErrors),

        // Numbers out of every range.
        new("10,000-digit integer", () => "{ books(first: " + Repeat("9", 10_000) + ") { id } }", FuzzStage.ValidationErrors),
        new("10,000-digit negative integer for a float", () => "{ echo(ratio: -" + Repeat("9", 10_000) + ") }", FuzzStage.Executed),
        new("float beyond double range", () => "{ echo(ratio: 1.7976931348623157e309, numbers: [1e400, -0, 0.0e0]) }", FuzzStage.ValidationErrors),
        new("exponent with 10,000 digits", () => "{ echo(ratio: 1e" + Repeat("9", 10_000) + ") }", FuzzStage.Executed),
        new("tiny float", () => "{ echo(ratio: 1e-99999) }", FuzzStage.Executed),
        new("integer one past Int range as a page size", () => "{ books(first: 2147483648) { id } }", FuzzStage.ValidationErrors),

        // Oversized names and strings.
        new("1,000,000-character field name", () => "{ " + Repeat("f", 1_000_000) + " }", FuzzStage.ValidationErrors),
        // Refused by the alias length limit (MaxAliasLength, 32) before anything runs.
        new("1,000,000-character alias", () => "{ " + Repeat("a", 1_000_000) + ": __typename }", FuzzStage.RefusedByLimits),
        new("1,000,000-character alias without limits", () => "{ " + Repeat("a", 1_000_000) + ": __typename }", FuzzStage.Executed, NoLimits),
        new("1,000,000-character fragment, variable and operation names", () =>
        {
            var name = Repeat("n", 1_000_000);
            return $"query {name}(${name}: Int) {{ echo(number: ${name}) books {{ ...{name} }} }} fragment {name} on Book {{ id }}";
        }, FuzzStage.Executed),
        new("1,000,000-character enum value", () => "{ echo(genre: " + Repeat("G", 1_000_000) + ") }", FuzzStage.ValidationErrors),
        new("5,000,000-character string", () => "{ echo(text: \"" + Repeat("x", 5_000_000) + "\") }", FuzzStage.Executed),
        new("1,000,000-character block string", () => "{ echo(text: \"\"\"" + Repeat("  x\n", 250_000) + "\"\"\") }", FuzzStage.Executed),
        new("100,000 escapes in a string", () => "{ echo(text: \"" + Repeat("\\u00e9\\uD83D\\uDE00\\n", 100_000) + "\") }", FuzzStage.Executed),
        new("1,000,000-character comment", () => "#" + Repeat("c", 1_000_000) + "\n{ __typename }", FuzzStage.Executed),
        new("unterminated 1,000,000-character string", () => "{ echo(text: \"" + Repeat("x", 1_000_000), FuzzStage.SyntaxError),
        new("unterminated block string", () => "{ echo(text: \"\"\"" + Repeat("x\n", 500_000), FuzzStage.SyntaxError),

        // Unicode and control characters where they do not belong, and where they do.
        new("lone high surrogate in a name", () => "{ books\uD800 { id } }", FuzzStage.SyntaxError),
        new("lone low surrogate in a string", () => "{ echo(text: \"a\uDC00b\") }", FuzzStage.SyntaxError),
        new("lone surrogate in a comment", () => "# \uD800\n{ __typename }", FuzzStage.SyntaxError),
        new("escaped lone surrogate", () => "{ echo(text: \"\\uD800\") }", FuzzStage.SyntaxError),
        new("escaped surrogates in the wrong order", () => "{ echo(text: \"\\uDE00\\uD83D\") }", FuzzStage.SyntaxError),
        new("surrogate pair written directly", () => "{ echo(text: \"😀\") }", FuzzStage.Executed),
        new("NUL in a string", () => "{ echo(text: \"a\0b\") }", FuzzStage.Executed),
        new("NUL between tokens", () => "{ __typename\0 }", FuzzStage.SyntaxError),
        new("escaped NUL", () => "{ echo(text: \"\\u0000\") }", FuzzStage.Executed),
        new("byte order marks everywhere", () => "\uFEFF{\uFEFF__typename\uFEFF}\uFEFF", FuzzStage.Executed),
        new("unicode line separators", () => "{\u2028__typename\u2029}", FuzzStage.SyntaxError),
        new("non-breaking space", () => "{\u00A0__typename }", FuzzStage.SyntaxError),
        new("empty document", () => "", FuzzStage.SyntaxError),
        new("only ignored characters", () => " \t\n\r,,,\uFEFF# comment", FuzzStage.SyntaxError),

        // Variable values a client may send.
        new("lone surrogate in a variable echoed back", () => "query ($t: String) { echo(text: $t) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["t"] = "a\uD800b" }),
        new("lone surrogate in a variable for an enum", () => "query ($g: Genre) { echo(genre: $g) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["g"] = "\uDFFF" }),
        new("lone surrogate as a variable name", () => "query ($t: String) { echo(text: $t) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["\uD800"] = "x", ["t"] = "y" }),
        new("non-finite floats in variables", () => "query ($r: Float, $n: [Int]) { echo(ratio: $r, numbers: $n) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["r"] = double.NaN, ["n"] = new object?[] { double.PositiveInfinity, 1e300, -0.0 } }),
        new("100,000-item list variable", () => "query ($n: [Int]) { echo(numbers: $n) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["n"] = Enumerable.Range(0, 100_000).Cast<object?>().ToList() }),
        new("100,000 wrong items in a list variable", () => "query ($n: [Int]) { echo(numbers: $n) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["n"] = Enumerable.Range(0, 100_000).Select(i => (object?)("x" + i)).ToList() }),
        new("JSON variables nested to System.Text.Json's default depth", () => "query ($f: BookFilter) { echo(filter: $f) }", FuzzStage.Executed,
            Variables: () => new Dictionary<string, object?> { ["f"] = System.Text.Json.JsonDocument.Parse(Repeat("{\"nested\":", 60) + "{}" + Repeat("}", 60)).RootElement }),

        // Execution errors must be answers too.
        new("null in a non-null field, and a failing resolver", () => "{ books { missingTitle broken } fail search(text: \"x\") { __typename } }", FuzzStage.Executed),
        new("introspection of everything", () => "{ __schema { types { name fields(includeDeprecated: true) { name args { name type { name } defaultValue } type { name kind ofType { name kind ofType { name } } } } inputFields { name defaultValue } enumValues(includeDeprecated: true) { name } interfaces { name } possibleTypes { name } } directives { name args { name } } } }",
            FuzzStage.Executed, NoLimits),
        new("mutation on a schema without one", () => "mutation { x }", FuzzStage.Executed),
    ];

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Numbered(int count, Func<int, string> item)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++) builder.Append(item(i));
        return builder.ToString();
    }

    private static Dictionary<string, object?> NestedFilter(int depth)
    {
        var filter = new Dictionary<string, object?>();
        for (var i = 0; i < depth; i++) filter = new Dictionary<string, object?> { ["nested"] = filter, ["minPages"] = i };
        return filter;
    }
}
