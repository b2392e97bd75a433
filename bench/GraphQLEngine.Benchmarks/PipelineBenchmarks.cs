using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Benchmarks;

/// <summary>
/// Each stage a request goes through, on <see cref="TypicalQuery"/>, and the whole pipeline as a server runs it.
/// Stages after parsing reuse a document parsed once in setup, so each figure is that stage alone.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private GraphQLSchema _schema = null!;
    private DocumentNode _document = null!;
    private ValidationCache _cache = null!;
    private ExecutionResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = BenchmarkSchema.Create();
        _document = Parser.Parse(TypicalQuery.Text);
        var errors = DocumentValidator.Validate(_schema, _document);
        if (errors.Count > 0) throw new InvalidOperationException("The benchmark query is invalid: " + errors[0].Message);
        _cache = new ValidationCache();
        _cache.Validate(_schema, TypicalQuery.Text, _document);
        _result = Execute(_document).GetAwaiter().GetResult();
        if (_result.Errors.Count > 0) throw new InvalidOperationException("The benchmark query fails: " + _result.Errors[0].Message);
        Console.WriteLine($"// Typical query: {TypicalQuery.Text.Length} characters; response: {ExecutionResultWriter.ToUtf8Bytes(_result).Length} bytes of JSON");
    }

    [Benchmark]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods only.")]
    public DocumentNode Parse() => Parser.Parse(TypicalQuery.Text);

    [Benchmark]
    public IReadOnlyList<Error.GraphQLError> ValidateCold() => DocumentValidator.Validate(_schema, _document);

    [Benchmark]
    public IReadOnlyList<Error.GraphQLError> ValidateCached() => _cache.Validate(_schema, TypicalQuery.Text, _document);

    [Benchmark]
    public QueryAnalysis AnalyzeLimits() => QueryAnalyzer.Analyze(_schema, _document, variables: TypicalQuery.Variables);

    [Benchmark]
    public Task<ExecutionResult> Execute() => Execute(_document);

    [Benchmark]
    public byte[] WriteResponse() => ExecutionResultWriter.ToUtf8Bytes(_result);

    /// <summary>What a server does per request: parse, validate through the cache, check limits, execute, write JSON.</summary>
    [Benchmark]
    public async Task<byte[]> WholePipeline()
    {
        var document = Parser.Parse(TypicalQuery.Text);
        var errors = _cache.Validate(_schema, TypicalQuery.Text, document);
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);
        var analysis = QueryAnalyzer.Analyze(_schema, document, variables: TypicalQuery.Variables);
        if (!analysis.IsAllowed) throw new InvalidOperationException(analysis.Errors[0].Message);
        return ExecutionResultWriter.ToUtf8Bytes(await Execute(document));
    }

    /// <summary>The pipeline for a document never seen before: validation runs in full.</summary>
    [Benchmark]
    public async Task<byte[]> WholePipelineColdValidation()
    {
        var document = Parser.Parse(TypicalQuery.Text);
        var errors = DocumentValidator.Validate(_schema, document);
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);
        var analysis = QueryAnalyzer.Analyze(_schema, document, variables: TypicalQuery.Variables);
        if (!analysis.IsAllowed) throw new InvalidOperationException(analysis.Errors[0].Message);
        return ExecutionResultWriter.ToUtf8Bytes(await Execute(document));
    }

    private Task<ExecutionResult> Execute(DocumentNode document) => Executor.ExecuteAsync(new ExecutionRequest
    {
        Schema = _schema,
        Document = document,
        VariableValues = TypicalQuery.Variables,
    });
}
