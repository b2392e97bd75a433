using DepinApi.Hosting;

// No verb serves HTTP; `migrate` and `import <dir>` prepare a database and exit.
var verb = CommandLine.Parse(args);
if (verb is not ServeVerb)
    return await CommandLine.RunAsync(verb);

var builder = WebApplication.CreateBuilder(verb.HostArguments);
builder.AddDepinServices();
var app = builder.Build();
app.UseDepinPipeline();
await app.RunAsync();
return 0;

/// <summary>Named so the integration tests can start the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
