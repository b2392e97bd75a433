using DepinApi.Hosting;

// No verb serves HTTP; `migrate` and `import <dir>` prepare a database and exit.
var verb = CommandLine.Parse(args);
if (verb is not ServeVerb)
    return await CommandLine.RunAsync(verb);

var builder = WebApplication.CreateBuilder(verb.HostArguments);
builder.AddDepinServices();
var app = builder.Build();
app.UseDepinPipeline();
try
{
    await app.RunAsync();
}
catch (Exception e) when (CommandLine.IsTheOperatorsToFix(e))
{
    // The host has logged the failure; this is its explanation, once, and an exit code a supervisor can read.
    return CommandLine.Explain(e);
}
return 0;

/// <summary>Named so the integration tests can start the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
