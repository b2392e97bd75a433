using System.Text;
using GraphQLEngine.Conformance;
using GraphQLEngine.Conformance.Schema;
using GraphQLEngine.Utilities;

// Usage: GraphQLEngine.Conformance <conformance/data.json>
// Reads one JSON request per stdin line and answers each with one JSON line on stdout (see OutcomeWriter).
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: GraphQLEngine.Conformance <path to conformance/data.json>");
    return 2;
}

var data = ConformanceData.Load(args[0]);
var schema = ConformanceSchema.Build(data);
using var stdout = Console.OpenStandardOutput();
var writer = new OutcomeWriter(stdout);
writer.Sdl(SchemaPrinter.PrintSchema(schema));

var runner = new DocumentRunner(schema, data, writer);
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
while (stdin.ReadLine() is { } line)
{
    if (string.IsNullOrWhiteSpace(line)) continue;
    var request = ConformanceRequest.FromJson(line);
    try
    {
        await runner.RunAsync(request);
    }
    catch (Exception exception)
    {
        writer.Crash(request.Id, exception);
    }
}
return 0;
