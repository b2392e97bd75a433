using BenchmarkDotNet.Attributes;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Benchmarks;

/// <summary>
/// What a server does with a document refused for its introspection cost: 30 aliases of
/// <c>__schema { types { ...L1 } }</c> with a two-level fragment, the attack campaign's introspection class
/// (<c>bench/attack</c>), each request with new alias names so that no cache answers it.
/// </summary>
[MemoryDiagnoser]
public class IntrospectionRefusalBenchmarks
{
    private const string Fragments = """
        fragment L2 on __Type { name kind description fields(includeDeprecated: true) { name description args { name description type { kind name ofType { kind name } } } type { kind name ofType { kind name } } } }
        fragment L1 on __Type { kind name description fields(includeDeprecated: true) { name description args { name description defaultValue type { ...L2 ofType { ...L2 ofType { ...L2 } } } } type { ...L2 ofType { ...L2 ofType { ...L2 ofType { ...L2 } } } } } inputFields { name type { ...L2 } } enumValues(includeDeprecated: true) { name description } }
        """;

    // At one object per point, 30 copies of the schema's types are far over the cost; one copy is not.
    private static readonly QueryLimitOptions Limits = new() { MaxCost = 1_000, IntrospectionObjectsPerPoint = 1 };

    private GraphQLSchema _schema = null!;
    private DocumentNode _document = null!;
    private string _text = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = BenchmarkSchema.Create();
        _text = "query Introspect { " + string.Join(" ", Enumerable.Range(0, 30).Select(i => $"a{i}: __schema {{ types {{ ...L1 }} }}"))
                + " }\n" + Fragments;
        _document = Parser.Parse(_text);
        if (DocumentValidator.Validate(_schema, _document) is [var error, ..]) throw new InvalidOperationException(error.Message);
        if (QueryAnalyzer.Analyze(_schema, _document, options: Limits).IsAllowed)
            throw new InvalidOperationException("The benchmark document is meant to be refused for its cost.");
    }

    /// <summary>The cost analysis alone, on a document parsed and validated once.</summary>
    [Benchmark]
    public QueryAnalysis Analyze() => QueryAnalyzer.Analyze(_schema, _document, options: Limits);

    /// <summary>Parse, validate and analyze, as for a document never seen before.</summary>
    [Benchmark]
    public QueryAnalysis Refuse()
    {
        var document = Parser.Parse(_text);
        DocumentValidator.Validate(_schema, document);
        return QueryAnalyzer.Analyze(_schema, document, options: Limits);
    }
}
