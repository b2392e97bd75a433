using System.Text;
using System.Text.Json;
using static DepinApi.Tests.Security.HostileInput.GraphQLRequests;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// Hand-made hostile GraphQL requests against the configured limits (docs/graphql.md): depth 15, 30 aliases, cost
/// 1,000, pages of 100, documents of 16,384 characters, bodies of 256 KiB.
/// </summary>
public static class GraphQLHostileDocuments
{
    private const string Meta = "meta { dataVersion }";

    public static IReadOnlyList<HostileCase> All() =>
    [
        // Depth and nesting.
        new("introspection 20 levels deep", () => Post("{ __schema { types { fields { type { " + Repeat("ofType { ", 16) + "name" + Repeat(" }", 20) + " }"),
            Expectation.GraphQLError(400, "QUERY_TOO_DEEP")),
        new("5,000 nested selection sets", () => Post("{" + Repeat("a{", 5_000) + "b" + Repeat("}", 5_001)), Expectation.GraphQLError(400)),
        new("100,000 unclosed braces", () => Post(Repeat("{", 100_000)), Expectation.GraphQLError(400, "QUERY_TOO_LONG")),
        new("5,000 nested list values", () => Post("{ projects(first: 1, filter: {slugs: " + Repeat("[", 5_000) + "\"x\"" + Repeat("]", 5_000) + "}) { totalCount } }"),
            Expectation.GraphQLError(400)),
        new("1,000 nested input objects", () => Post("{ projects(first: 1, filter: " + Repeat("{search: ", 1_000) + "\"x\"" + Repeat("}", 1_000) + ") { totalCount } }"),
            Expectation.GraphQLError(400)),

        // Width: aliases and repeats.
        new("10,000 aliases", () => Post("{" + Numbered(10_000, i => $" a{i}: __typename") + " }"), Expectation.GraphQLError(400, "QUERY_TOO_LONG")),
        new("10,000 aliases by GET", () => Get("{" + Numbered(10_000, i => $" a{i}: __typename") + " }"), Expectation.GraphQLError(400, "QUERY_TOO_LONG")),
        new("31 aliases", () => Post("{" + Numbered(31, i => $" a{i}: {Meta}") + " }"), Expectation.GraphQLError(400, "TOO_MANY_ALIASES")),
        new("800 aliases", () => Post("{" + Numbered(800, i => $" a{i}:__typename") + " }"), Expectation.GraphQLError(400, "TOO_MANY_ALIASES")),
        new("700 repeats of one field", () => Post("{" + Repeat(" " + Meta, 700) + " }"), Expectation.GraphQLResponse()),
        new("cost over the maximum", () => Post("{ projects(first: 100) { nodes { revenue { source { id } } tokenPrices { id } sources { id } } } }"),
            Expectation.GraphQLError(400, "QUERY_TOO_COMPLEX")),
        new("page over the maximum", () => Post("{ projects(first: 101) { totalCount } }"), Expectation.GraphQLError(400, "PAGE_SIZE_TOO_LARGE")),

        // Fragments: cycles, and spreads that double at every level.
        new("cyclic fragments A and B", () => Post("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"),
            Expectation.GraphQLError(400, message: "Cannot spread fragment")),
        new("fragment spreading itself", () => Post("{ ...A } fragment A on Query { " + Meta + " ...A }"), Expectation.GraphQLError(400, message: "Cannot spread fragment")),
        new("cycle through 300 fragments", () => Post("{ ...F0 }" + Numbered(300, i => $" fragment F{i} on Query {{ ...F{(i + 1) % 300} }}")),
            Expectation.GraphQLError(400, message: "Cannot spread fragment")),
        new("cyclic fragments by GET", () => Get("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), Expectation.GraphQLError(400)),
        new("30 fragments doubling at one level", () => Post("{ ...F0 }" + Numbered(30, i => $" fragment F{i} on Query {{ {Meta} ...F{i + 1} ...G{i + 1} }} fragment G{i} on Query {{ {Meta} ...F{i + 1} ...G{i + 1} }}")
            + $" fragment F30 on Query {{ {Meta} }} fragment G30 on Query {{ {Meta} }}"), Expectation.GraphQLResponse()),
        new("30 fragments doubling through aliases", () => Post("{ ...F0 }" + Numbered(30, i => $" fragment F{i} on Query {{ a{i}: {Meta} ...F{i + 1} ...G{i + 1} }} fragment G{i} on Query {{ b{i}: {Meta} ...F{i + 1} ...G{i + 1} }}")
            + $" fragment F30 on Query {{ {Meta} }} fragment G30 on Query {{ {Meta} }}"), Expectation.GraphQLError(400)),
        new("unknown fragment spread 1,400 times", () => Post("{" + Repeat(" ...Nowhere", 1_400) + " }"), Expectation.GraphQLError(400)),

        // Very long names and strings.
        new("15,000-character field name", () => Post("{ " + Repeat("f", 15_000) + " }"), Expectation.GraphQLError(400, message: "Cannot query field")),
        new("100,000-character field name", () => Post("{ " + Repeat("f", 100_000) + " }"), Expectation.GraphQLError(400, "QUERY_TOO_LONG")),
        new("300,000-character field name: over the body limit", () => Post("{ " + Repeat("f", 300_000) + " }"), Expectation.GraphQLError(413)),
        new("15,000-character argument name", () => Post("{ projects(first: 1, " + Repeat("a", 15_000) + ": 1) { totalCount } }"), Expectation.GraphQLError(400, message: "Unknown argument")),
        new("15,000-character operation name, another one asked for", () => Body(JsonSerializer.Serialize(new { query = "query " + Repeat("o", 15_000) + " { " + Meta + " }", operationName = Repeat("p", 15_000) })),
            Expectation.GraphQLError()),
        new("15,000-character slug", () => Post("{ project(slug: \"" + Repeat("s", 15_000) + "\") { slug } }"), Expectation.GraphQLResponse(ProjectIsNull)),

        // SQL where strings go.
        new("SQL tautology as a slug", () => Post("{ project(slug: \"' OR 1=1 --\") { slug } }"), Expectation.GraphQLResponse(ProjectIsNull)),
        new("SQL DROP as a slug", () => Post("{ project(slug: \"'; DROP TABLE projects; --\") { slug } }"), Expectation.GraphQLResponse(ProjectIsNull)),
        new("SQL DROP as a slug variable", () => Post("query ($s: String!) { project(slug: $s) { slug } }", new { s = "'; DROP TABLE projects; --" }),
            Expectation.GraphQLResponse(ProjectIsNull)),
        new("SQL tautology as a search", () => Post("{ projects(first: 5, filter: {search: \"' OR 1=1 --\"}) { totalCount } }"), Expectation.GraphQLResponse(NoProjects)),
        new("SQL tautology among slugs", () => Post("{ projects(first: 5, filter: {slugs: [\"' OR 1=1 --\", \"helium' --\"]}) { totalCount } }"), Expectation.GraphQLResponse(NoProjects)),
        new("SQL in asOf", () => Post("{ meta(asOf: \"1; DROP TABLE projects\") { dataVersion } }"), Expectation.GraphQLError()),
        new("SQL in a quarter", () => Post("{ revenue(quarter: \"2025Q1' OR '1'='1\") { id } }"), Expectation.GraphQLError()),
        new("SQL in a cursor", () => Post("{ projects(first: 1, after: \"' OR 1=1 --\") { totalCount } }"), Expectation.GraphQLError()),
        // No figure states such a metric, so it is refused naming the argument, as REST refuses it; it never matched rows.
        new("SQL in a metric name", () => Post("{ project(slug: \"helium\") { metrics(metric: \"' OR 1=1 --\") { id } } }"),
            Expectation.GraphQLError(200, "INVALID_ARGUMENT", "The argument 'metric' is '' OR 1=1 --'")),

        // NUL bytes and other control characters.
        new("escaped NUL in a slug", () => Post("{ project(slug: \"helium\\u0000\") { slug } }"), Expectation.GraphQLResponse(ProjectIsNull)),
        new("NUL in a slug variable", () => Post("query ($s: String!) { project(slug: $s) { slug } }", new { s = "helium\0' OR 1=1 --" }), Expectation.GraphQLResponse(ProjectIsNull)),
        new("NUL in a search", () => Post("query ($q: String) { projects(first: 5, filter: {search: $q}) { totalCount } }", new { q = "\0" }), Expectation.GraphQLResponse(NoProjects)),
        new("NUL in a metric name", () => Post("{ project(slug: \"helium\") { metrics(metric: \"a\\u0000\") { id } } }"), Expectation.GraphQLResponse()),
        new("NUL between tokens", () => Post("{ meta\0 { dataVersion } }"), Expectation.GraphQLError(400)),
        new("raw NUL byte inside the JSON body", () => Body(Encoding.UTF8.GetBytes("{\"query\":\"{ meta\0 }\"}")), Expectation.GraphQLError(400)),

        // Numbers out of range.
        new("overlong integer literal", () => Post("{ projects(first: 99999999999999999999999) { totalCount } }"), Expectation.GraphQLError(400)),
        new("overlong negative version", () => Post("{ changes(version: -99999999999999999999, first: 1) { totalCount } }"), Expectation.GraphQLError(400)),
        new("float for an Int", () => Post("{ projects(first: 1.5) { totalCount } }"), Expectation.GraphQLError(400)),
        new("1e400 variable for an Int", () => PostRaw("query ($n: Int!) { projects(first: $n) { totalCount } }", "{\"n\":1e400}"), Expectation.GraphQLError(400)),
        new("30-digit variable for an Int", () => PostRaw("query ($n: Int!) { projects(first: $n) { totalCount } }", "{\"n\":123456789012345678901234567890}"), Expectation.GraphQLError(400)),
        new("negative page size", () => Post("{ projects(first: -1) { totalCount } }"), Expectation.GraphQLError()),

        // Variables of the wrong JSON type, and variables that are not an object.
        .. WrongVariable("query ($s: String!) { project(slug: $s) { slug } }", "s", ["5", "[\"helium\"]", "{\"$ne\":null}", "null", "true"]),
        .. WrongVariable("query ($n: Int!) { projects(first: $n) { totalCount } }", "n", ["\"ten\"", "\"1\"", "[1]", "{}", "null", "false", "1.5"]),
        .. WrongVariable("query ($a: AsOf) { meta(asOf: $a) { dataVersion } }", "a", ["{\"$gt\":\"\"}", "[1]", "1.5", "\"yesterday\"", "true"]),
        .. WrongVariable("query ($q: Quarter) { revenue(quarter: $q) { id } }", "q", ["20251", "\"2025Q5\"", "[\"2025Q1\"]"]),
        .. WrongVariable("query ($f: ProjectFilter) { projects(first: 1, filter: $f) { totalCount } }", "f",
            ["{\"sector\":\"SPACE\"}", "{\"slugs\":5}", "{\"unknown\":1}", "\"{}\"", Repeat("[", 100) + Repeat("]", 100)]),
        new("variables as a string", () => PostRaw("{ " + Meta + " }", "\"{}\""), Expectation.GraphQLError(400)),
        new("variables as an array", () => PostRaw("{ " + Meta + " }", "[]"), Expectation.GraphQLError(400)),
        new("variables 100 levels deep", () => PostRaw("query ($s: String) { project(slug: $s) { slug } }", "{\"s\":" + Repeat("[", 100) + Repeat("]", 100) + "}"),
            Expectation.GraphQLError(400)),
        new("5,000 undeclared variables", () => PostRaw("{ " + Meta + " }", "{" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"v{i}\":{i}")) + "}"),
            Expectation.GraphQLResponse()),

        // Bodies that are not one GraphQL request.
        new("batched array of two requests", () => Body($"[{{\"query\":\"{{ {Meta} }}\"}},{{\"query\":\"{{ {Meta} }}\"}}]"), Expectation.GraphQLError(400)),
        new("batched array of 1,000 requests", () => Body("[" + string.Join(",", Enumerable.Repeat($"{{\"query\":\"{{ {Meta} }}\"}}", 1_000)) + "]"), Expectation.GraphQLError(400)),
        new("empty batch", () => Body("[]"), Expectation.GraphQLError(400)),
        new("empty body", () => Body(""), Expectation.GraphQLError(400)),
        new("JSON null", () => Body("null"), Expectation.GraphQLError(400)),
        new("no query", () => Body("{}"), Expectation.GraphQLError(400)),
        new("query as a number", () => Body("{\"query\":5}"), Expectation.GraphQLError(400)),
        new("operation name as an array", () => Body($"{{\"query\":\"{{ {Meta} }}\",\"operationName\":[\"x\"]}}"), Expectation.GraphQLError(400)),
        new("extensions as a number", () => Body($"{{\"query\":\"{{ {Meta} }}\",\"extensions\":5}}"), Expectation.GraphQLError(400)),
        new("100,000 nested JSON arrays", () => Body(Repeat("[", 100_000) + Repeat("]", 100_000)), Expectation.GraphQLError(400)),
        new("truncated JSON", () => Body($"{{\"query\":\"{{ {Meta} }}"), Expectation.GraphQLError(400)),
        new("invalid UTF-8 in the JSON body", () => Body([.. "{\"query\":\"{ "u8, 0xFF, 0xFE, 0xC0, 0xAF, .. " }\"}"u8]), Expectation.GraphQLError(400)),
        new("UTF-16 body declared as JSON", () => Body(Encoding.Unicode.GetBytes($"{{\"query\":\"{{ {Meta} }}\"}}")), Expectation.GraphQLError(400)),
        new("JSON-escaped lone high surrogate in the query", () => Body("{\"query\":\"{ project(slug: \\\"\\ud800\\\") { slug } }\"}"), Expectation.GraphQLError()),
        new("JSON-escaped lone low surrogate in a variable", () => Body("{\"query\":\"query ($s: String!) { project(slug: $s) { slug } }\",\"variables\":{\"s\":\"a\\udc00\"}}"),
            Expectation.GraphQLError()),
        new("JSON-escaped lone surrogate as the operation name", () => Body($"{{\"query\":\"{{ {Meta} }}\",\"operationName\":\"\\ud800\"}}"), Expectation.GraphQLError()),
        new("two anonymous operations", () => Post($"{{ {Meta} }} {{ {Meta} }}"), Expectation.GraphQLError(400)),
        new("operation name naming nothing", () => Body($"{{\"query\":\"query A {{ {Meta} }}\",\"operationName\":\"B\"}}"), Expectation.GraphQLError()),
        // graphql-js answers an operation type the schema lacks with "data": null, so a 200.
        new("a mutation", () => Post("mutation { deleteProject(slug: \"helium\") }"), Expectation.GraphQLError()),
        new("a subscription", () => Post("subscription { projects { slug } }"), Expectation.GraphQLError()),
        new("1,000 unknown directives", () => Post("{ meta" + Repeat(" @x", 1_000) + " { dataVersion } }"), Expectation.GraphQLError(400)),
        new("a string for @skip's Boolean", () => Post("{ meta @skip(if: \"yes\") { dataVersion } }"), Expectation.GraphQLError(400)),

        // GET with documents: queries only, JSON parameters checked.
        new("GET with a mutation", () => Get("mutation { deleteProject(slug: \"helium\") }"), Expectation.GraphQLError()),
        new("GET with SQL as a slug", () => Get("{ project(slug: \"' OR 1=1 --\") { slug } }"), Expectation.GraphQLResponse(ProjectIsNull)),
        new("GET with variables that are not JSON", () => Get("query ($s: String!) { project(slug: $s) { slug } }", "{\"s\":"), Expectation.GraphQLError(400)),
        new("GET with variables as an array", () => Get("query ($s: String!) { project(slug: $s) { slug } }", "[\"helium\"]"), Expectation.GraphQLError(400)),
        new("GET with a wrong variable type", () => Get("query ($n: Int!) { projects(first: $n) { totalCount } }", "{\"n\":\"ten\"}"), Expectation.GraphQLError(400)),
        new("GET with invalid UTF-8 in the query", () => Get("%7B%20meta%FF%FE%20%7B%20dataVersion%20%7D%20%7D", encoded: true), Expectation.GraphQLError(400)),
        new("GET with a percent-encoded NUL in the query", () => Get("%7B%20meta%00%20%7B%20dataVersion%20%7D%20%7D", encoded: true), Expectation.GraphQLError(400)),
        new("GET with the query twice", () => new HttpRequestMessage(HttpMethod.Get, GraphQLRequests.Path + "?query=%7B__typename%7D&query=%7Bmeta%7BdataVersion%7D%7D")
        {
            Headers = { { "Accept", ResponseMediaType } },
        }, Expectation.GraphQLResponse()),
        new("GET without a query asking for JSON", () => new HttpRequestMessage(HttpMethod.Get, GraphQLRequests.Path + "?variables=%7B%7D") { Headers = { { "Accept", ResponseMediaType } } },
            Expectation.GraphQLError(400)),

        // Media types: only UTF-8 JSON is read, only JSON is written.
        .. new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql",
                "application/json; charset=latin1", "application/json; charset=utf-16", "garbage", ";;;", "application/json; charset=\"" }
            .Select(type => new HostileCase($"content type {type}", () => Body($"{{\"query\":\"{{ {Meta} }}\"}}", type), Expectation.GraphQLError(415))),
        new("no content type", () => Body($"{{\"query\":\"{{ {Meta} }}\"}}", contentType: null), Expectation.GraphQLError(415)),
        .. new[] { "text/html", "application/xml", "application/json; charset=latin1", "*/*;q=0", "\u00ff\u00fe", ",,;;" }
            .Select(accept => new HostileCase($"Accept {accept}", () => Body($"{{\"query\":\"{{ {Meta} }}\"}}", accept: accept), Expectation.Status(406))),
        new("PUT", () => new HttpRequestMessage(HttpMethod.Put, GraphQLRequests.Path) { Content = new StringContent($"{{\"query\":\"{{ {Meta} }}\"}}", Encoding.UTF8, "application/json") },
            Expectation.Status(405)),
    ];

    private static IEnumerable<HostileCase> WrongVariable(string query, string name, string[] jsonValues) =>
        jsonValues.Select(value => new HostileCase($"variable ${name} = {(value.Length > 40 ? value[..40] + "…" : value)}",
            () => PostRaw(query, $"{{\"{name}\":{value}}}"), Expectation.GraphQLError(400)));

    private static string? ProjectIsNull(JsonElement data) =>
        data.GetProperty("project").ValueKind == JsonValueKind.Null ? null : "a project was found for a hostile slug";

    private static string? NoProjects(JsonElement data) =>
        data.GetProperty("projects").GetProperty("totalCount").GetInt32() == 0 ? null : "projects matched a hostile filter";
}
