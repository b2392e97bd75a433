using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Validation;

namespace GraphQLEngine.Conformance;

/// <summary>Parses, validates and executes one document with the engine, as graphql-js's reference does.</summary>
public sealed class DocumentRunner(GraphQLSchema schema, ConformanceData data, OutcomeWriter writer)
{
    public async Task RunAsync(ConformanceRequest request)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLSyntaxError error)
        {
            writer.Errors(request.Id, "parse", [(error.Message, [new ErrorLocation(error.Line, error.Column)])]);
            return;
        }

        var validationErrors = DocumentValidator.Validate(schema, document, SpecifiedRules.All);
        if (validationErrors.Count > 0)
        {
            writer.Errors(request.Id, "validate", validationErrors.Select(e => (e.Message, e.Locations)));
            return;
        }
        if (!request.Execute)
        {
            writer.NotExecuted(request.Id);
            return;
        }

        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = document,
            OperationName = request.OperationName,
            VariableValues = request.Variables,
            RootValue = data.Root,
        });
        writer.Response(request.Id, result);
    }
}
