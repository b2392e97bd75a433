using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace ClientGeneration.Tests;

/// <summary>
/// NSwag, a widely used C# client generator, reads the committed OpenAPI 3.0 document (schema/openapi-3.0.json,
/// which DepinApi.Tests' drift test keeps equal to what /openapi/3.0/v1.json serves) and the client it writes
/// compiles without errors. TypeScript's counterpart is openapi-generators/run.mjs (openapi-typescript + tsc).
/// </summary>
public class NSwagClientTests
{
    [Fact]
    public async Task Nswag_generates_a_csharp_client_that_compiles()
    {
        var document = await OpenApiDocument.FromFileAsync(DocumentPath());
        Assert.StartsWith("3.0", document.OpenApi, StringComparison.Ordinal);
        Assert.NotEmpty(document.Operations);

        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "DepinClient",
            CSharpGeneratorSettings = { Namespace = "Depin.Client", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        };
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var errors = Compile(code);
        Assert.True(errors.Count == 0, $"{errors.Count} compile error(s) in the generated client:\n  " + string.Join("\n  ", errors.Take(20)));
        // One client method per operation: nothing was skipped.
        foreach (var operation in document.Operations)
            Assert.Contains(" " + Pascal(operation.Operation.OperationId) + "Async(", code, StringComparison.Ordinal);
    }

    private static List<string> Compile(string code)
    {
        // The generated client needs the framework only (System.Text.Json, HttpClient, DataAnnotations).
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Depin.Client",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    private static string Pascal(string operationId) => char.ToUpperInvariant(operationId[0]) + operationId[1..];

    private static string DocumentPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "schema", "openapi-3.0.json");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "DepinApi.sln")))
                return candidate;
        }
        throw new FileNotFoundException("schema/openapi-3.0.json not found above " + AppContext.BaseDirectory);
    }
}
