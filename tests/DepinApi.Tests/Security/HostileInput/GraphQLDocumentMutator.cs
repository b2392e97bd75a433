using System.Text;
using System.Text.Json;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>
/// Random GraphQL requests from a fixed seed: valid documents of this schema broken by a few random edits (a span
/// cut or doubled, a hostile token dropped in, a character swapped), and variables of the wrong JSON type.
/// </summary>
public sealed class GraphQLDocumentMutator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] Documents =
    [
        "{ meta { dataVersion importedAt } }",
        "{ project(slug: \"helium\") { slug name revenue(from: \"2025Q1\") { id amountUsd source { id publisher } } } }",
        "query Page($first: Int!) { projects(first: $first, orderBy: {field: NAME, direction: DESC}) { nodes { slug } pageInfo { endCursor hasNextPage } } }",
        "{ revenue(quarter: \"2025Q2\", metric: QUARTERLY_REVENUE) { id amountUsd basis quote } }",
        "{ tokenPrices(date: \"2026-01-15\") { id } sectors { __typename } }",
        "fragment P on Project { slug sector tokenSymbol } { projects(first: 2, filter: {sector: COMPUTE}) { nodes { ...P } totalCount } }",
        "{ screening(sector: COMPUTE) { methodologyVersion projects { __typename } } }",
        "{ changes(first: 5) { totalCount } sources { id url } }",
        "query ($asOf: AsOf) { meta(asOf: $asOf) { dataVersion } }",
        "{ __schema { queryType { name } types { name kind } } }",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "(", ")", "[", "]", "...", "$", "@", ":", "=", "!", "|", "&", "\"", "\"\"\"", "#", "\\u", "\\", "\0", "\u00ff", "\uFEFF",
        "' OR 1=1 --", "'; DROP TABLE projects; --", "fragment A on Query { ...A }", "...A", "__schema { types { name } }",
        "99999999999999999999999", "-0.0e-999", "1e400", "\U0001F600", "\u202E", "query", "mutation", "subscription", "on", "null", "true",
        "$first", "@skip(if: $x)", "@include", "first: 101", "asOf: \"2000-01-01\"", "slug: \"' OR 1=1 --\"",
        new string('a', 3_000), new string('{', 300), new string('[', 300),
    ];

    private static readonly string[] Accepts = ["application/graphql-response+json", "application/json", "*/*", "application/graphql-response+json, application/json;q=0.9"];

    /// <summary>A broken document sent by POST or GET: any well-formed GraphQL answer will do, never a 5xx.</summary>
    public HostileCase NextMutatedDocument(int number)
    {
        var document = Documents[random.Next(Documents.Length)];
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
            document = Edit(document);
        var variables = document.Contains("$first") ? "{\"first\":3}" : "{}";
        var accept = Accepts[random.Next(Accepts.Length)];
        var byGet = random.Next(10) < 3;
        var name = $"mutated #{number} {(byGet ? "GET" : "POST")} {Excerpt(document)}";
        return new HostileCase(name, () =>
        {
            var request = byGet ? GraphQLRequests.Get(document, variables) : GraphQLRequests.PostRaw(document, variables, accept);
            return request;
        }, Expectation.GraphQLResponse());
    }

    /// <summary>One variable of four given a value of the wrong JSON type: always a request error.</summary>
    public HostileCase NextWrongVariables(int number)
    {
        const string query = "query ($slug: String!, $first: Int!, $asOf: AsOf, $quarter: Quarter) { project(slug: $slug, asOf: $asOf) { slug revenue(from: $quarter) { id } } projects(first: $first, asOf: $asOf) { totalCount } }";
        var values = new Dictionary<string, string>
        {
            ["slug"] = JsonSerializer.Serialize("helium"),
            ["first"] = "3",
            ["asOf"] = "\"1\"",
            ["quarter"] = "\"2025Q1\"",
        };
        var wrong = values.Keys.ElementAt(random.Next(values.Count));
        values[wrong] = WrongValue(wrong);
        // The others may be wrong too, or missing.
        foreach (var other in values.Keys.Where(k => k != wrong).ToList())
            if (random.Next(4) == 0) values[other] = RandomJson(2);
        var json = "{" + string.Join(",", values.Select(v => $"\"{v.Key}\":{v.Value}")) + "}";
        return new HostileCase($"wrong variables #{number} {Excerpt(json)}", () => GraphQLRequests.PostRaw(query, json), Expectation.GraphQLError(400));
    }

    private string Edit(string document)
    {
        var at = random.Next(document.Length + 1);
        var span = Math.Min(random.Next(1, 12), document.Length - at);
        return random.Next(4) switch
        {
            0 => document.Remove(at, span),
            1 => document.Insert(at, document.Substring(at, span)),
            2 => document.Insert(at, Tokens[random.Next(Tokens.Length)]),
            _ => span == 0 ? document : document.Remove(at, 1).Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
        };
    }

    /// <summary>A JSON value no coercion of that variable's type accepts.</summary>
    private string WrongValue(string variable)
    {
        string[] choices = variable switch
        {
            "slug" => ["5", "-0.5", "true", "null", "[\"helium\"]", "{\"$ne\":null}", "[]", "{}"],
            "first" => ["\"3\"", "1.5", "1e400", "123456789012345678901234567890", "true", "null", "[3]", "{\"$gt\":0}", "\"' OR 1=1 --\""],
            "asOf" => ["1.5", "true", "[1]", "{\"version\":1}", "\"' OR 1=1 --\"", "\"2026-13-45\"", "\"-1\"", "\"\\u0000\""],
            _ => ["20251", "true", "[\"2025Q1\"]", "{}", "\"2025Q5\"", "\"2025q1' --\"", "\"\\u0000\""],
        };
        return choices[random.Next(choices.Length)];
    }

    private string RandomJson(int depth) => random.Next(depth > 0 ? 9 : 7) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "1" + new string('0', random.Next(20, 400)),
        4 => $"{random.Next(1, 10)}.{random.Next(1000)}e{random.Next(-400, 400)}",
        5 => JsonSerializer.Serialize(RandomText()),
        6 => "\"\"",
        7 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomJson(depth - 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => $"{JsonSerializer.Serialize(RandomText())}:{RandomJson(depth - 1)}")) + "}",
    };

    private string RandomText()
    {
        var text = new StringBuilder();
        for (int i = 0, n = random.Next(1, 30); i < n; i++)
            text.Append((char)random.Next(0, 0xD800));
        return text.ToString();
    }

    private static string Excerpt(string text) => HostileBarrage.Excerpt(text.Length > 80 ? text[..80] : text);
}
