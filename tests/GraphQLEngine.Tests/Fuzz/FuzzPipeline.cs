using System.Text.Json;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;
using GraphQLEngine.Validation;
using Xunit.Sdk;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>How far a document got through <see cref="FuzzPipeline"/>.</summary>
internal enum FuzzStage
{
    SyntaxError,
    ValidationErrors,
    RefusedByLimits,
    Executed,
}

/// <summary>One document to push through the pipeline; <see cref="Origin"/> says how to make it again.</summary>
internal sealed record FuzzCase(string Origin, string Source, IReadOnlyDictionary<string, object?>? Variables = null, string? OperationName = null);

/// <summary>
/// Runs a document the way a server does — parse, validate, check limits, execute, write the JSON response —
/// and checks the robustness properties on the way: only <see cref="GraphQLSyntaxError"/> may escape parsing,
/// nothing may escape the later stages, printing a parsed document is a fixed point after one round, the
/// response is well-formed JSON, and no single document takes longer than <see cref="MaxDocumentTime"/>
/// (a safety net against super-linear behaviour, not a speed target).
/// </summary>
internal sealed class FuzzPipeline(GraphQLSchema schema, QueryLimitOptions limits, ParseOptions? parseOptions = null)
{
    // A guard against super-linear work, not a speed target: an exponential case runs for minutes. Two seconds
    // proved too tight on a 2-core machine running the other suites beside this one (a linear 1,000-fragment
    // cycle measured 2.2 s of processor time there, JIT and collections included).
    public static readonly TimeSpan MaxDocumentTime = TimeSpan.FromSeconds(10);

    /// <summary>Limits loose enough that generated documents mostly reach the executor.</summary>
    public static readonly QueryLimitOptions LooseLimits = new() { MaxDepth = 40, MaxAliases = 500, MaxCost = 1_000_000 };

    // Responses nest two levels per selection level at most, and selections nest at most as deep as the parser allows.
    private static readonly JsonDocumentOptions ResponseReading = new() { MaxDepth = 4096 };

    private readonly ValidationCache _cache = new(capacity: 64);

    /// <summary>Counts of documents per stage reached, for checking that a corpus exercises every stage.</summary>
    public Dictionary<FuzzStage, int> Reached { get; } = Enum.GetValues<FuzzStage>().ToDictionary(s => s, _ => 0);

    /// <summary>Processor time (wall time where that cannot be measured) the last document took.</summary>
    public TimeSpan LastDocumentTime { get; private set; }

    public async Task<FuzzStage> RunAsync(FuzzCase fuzzCase)
    {
        // Off the test framework's synchronization context the executor runs inline, so with synchronous resolvers
        // the whole document stays on one thread and its processor time can be measured.
        var (stage, elapsed, isCpu) = await Task.Run(async () =>
        {
            var stopwatch = new ThreadCpuStopwatch();
            var reached = await RunStagesAsync(fuzzCase);
            return (reached, stopwatch.Elapsed, stopwatch.MeasuresCpu);
        });
        LastDocumentTime = elapsed;
        if (elapsed > MaxDocumentTime)
        {
            throw Failure(fuzzCase,
                $"took {elapsed.TotalMilliseconds:F0} ms of {(isCpu ? "processor" : "wall")} time (limit {MaxDocumentTime.TotalMilliseconds} ms), reaching {stage}");
        }
        Reached[stage]++;
        return stage;
    }

    private async Task<FuzzStage> RunStagesAsync(FuzzCase fuzzCase)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(fuzzCase.Source, parseOptions);
        }
        catch (GraphQLSyntaxError error)
        {
            if (error.Position < 0 || error.Position > fuzzCase.Source.Length)
                throw Failure(fuzzCase, $"syntax error position {error.Position} lies outside the source", error);
            return FuzzStage.SyntaxError;
        }
        catch (Exception unexpected)
        {
            throw Failure(fuzzCase, "parsing threw something other than GraphQLSyntaxError", unexpected);
        }

        CheckPrintIsFixedPoint(fuzzCase, document);

        var errors = Guard(fuzzCase, "validation", () =>
            fuzzCase.Source.Length % 2 == 0
                ? _cache.Validate(schema, fuzzCase.Source, document)
                : DocumentValidator.Validate(schema, document));
        if (errors.Count > 0) return FuzzStage.ValidationErrors;

        var analysis = Guard(fuzzCase, "limit analysis", () =>
            QueryAnalyzer.Analyze(schema, document, fuzzCase.OperationName, fuzzCase.Variables, limits));
        if (!analysis.IsAllowed) return FuzzStage.RefusedByLimits;

        ExecutionResult result;
        try
        {
            result = await Executor.ExecuteAsync(new ExecutionRequest
            {
                Schema = schema,
                Document = document,
                OperationName = fuzzCase.OperationName,
                VariableValues = fuzzCase.Variables,
            });
        }
        catch (Exception unexpected)
        {
            throw Failure(fuzzCase, "execution threw", unexpected);
        }

        var json = Guard(fuzzCase, "writing the response", () => ExecutionResultWriter.ToUtf8Bytes(result));
        Guard(fuzzCase, "reading the response back as JSON", () => JsonDocument.Parse(json, ResponseReading));
        return FuzzStage.Executed;
    }

    /// <summary>print(parse(print(doc))) must equal print(doc): the printer writes only what the parser reads back the same.</summary>
    private void CheckPrintIsFixedPoint(FuzzCase fuzzCase, DocumentNode document)
    {
        var printed = Guard(fuzzCase, "printing", () => Printer.Print(document));
        DocumentNode reparsed;
        try
        {
            // The printed form may spend more tokens or nesting than the original only if the printer invents syntax.
            reparsed = Parser.Parse(printed, parseOptions);
        }
        catch (Exception error)
        {
            throw Failure(fuzzCase, "the printed document does not parse:\n" + Excerpt(printed), error);
        }
        var reprinted = Printer.Print(reparsed);
        if (reprinted != printed)
            throw Failure(fuzzCase, "printing is not idempotent:\nfirst:  " + Excerpt(printed) + "\nsecond: " + Excerpt(reprinted));
    }

    private static T Guard<T>(FuzzCase fuzzCase, string stage, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception unexpected)
        {
            throw Failure(fuzzCase, stage + " threw", unexpected);
        }
    }

    private static XunitException Failure(FuzzCase fuzzCase, string what, Exception? cause = null) =>
        new($"{fuzzCase.Origin}: {what}\ndocument ({fuzzCase.Source.Length} chars): {Excerpt(fuzzCase.Source)}"
            + (fuzzCase.OperationName is null ? "" : $"\noperation: {fuzzCase.OperationName}")
            + (fuzzCase.Variables is null ? "" : $"\nvariables: {Inspector.Inspect(fuzzCase.Variables)}")
            + (cause is null ? "" : $"\n{cause}"));

    /// <summary>The start of a text with control and surrogate characters escaped, so a failure message shows them.</summary>
    public static string Excerpt(string text, int max = 1500)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > max ? text[..max] : text)
        {
            if (c is '\n') builder.Append("\\n");
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029') builder.Append($"\\u{(int)c:X4}");
            else builder.Append(c);
        }
        if (text.Length > max) builder.Append($"… (+{text.Length - max} chars)");
        return builder.ToString();
    }
}
