using DepinApi.Hosting;

// No verb serves HTTP; `migrate` and `import <dir>` prepare a database and exit.
var verb = CommandLine.Parse(args);
if (verb is not ServeVerb)
    return await CommandLine.RunAsync(verb);

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(ContentRoot.HostOptions(verb.HostArguments));
    builder.AddDepinServices();
    app = builder.Build();
}
catch (Exception e) when (SettingErrors.OwnProcess && SettingErrors.Describe(e) is { } setting)
{
    // No logger exists yet.
    Console.Error.WriteLine(setting);
    return CommandLine.Misconfigured;
}

// Disposed only where this program ends the run: an exception it does not handle reaches a host that runs it
// in-process (WebApplicationFactory) with the app's services still there.
try
{
    // Every setting that has a rule is checked before anything reads it or the database is touched.
    app.ValidateSettings();
    app.UseDepinPipeline();
    // Not RunAsync, which disposes the app on the way out: a refused start is logged through it after.
    await app.StartAsync();
    await app.WaitForShutdownAsync();
}
catch (Exception e) when (SettingErrors.OwnProcess && SettingErrors.Describe(e) is { } setting)
{
    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DepinApi.Settings").LogCritical("{Setting}", setting);
    // Disposing flushes the console log.
    await app.DisposeAsync();
    return CommandLine.Misconfigured;
}
catch (Exception e) when (CommandLine.IsTheOperatorsToFix(e))
{
    await app.DisposeAsync();
    // This is the failure's explanation, once, and an exit code a supervisor can read.
    return CommandLine.Explain(e);
}
await app.DisposeAsync();
return 0;

/// <summary>Named so the integration tests can start the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
