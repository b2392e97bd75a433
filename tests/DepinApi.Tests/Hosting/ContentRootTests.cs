using DepinApi.Hosting;
using DepinApi.Tests.Infrastructure;
using DepinApi.Tests.Reliability;

namespace DepinApi.Tests.Hosting;

/// <summary>
/// The published program reads its own appsettings.json wherever it is started from, so an operator's
/// <c>dotnet /opt/depin/DepinApi.dll</c> runs with the shipped Production defaults (one JSON log line per entry);
/// <c>dotnet run --project src/DepinApi</c>, which runs in the project folder, keeps that folder.
/// </summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string elsewhere = Directory.CreateTempSubdirectory("depin-elsewhere-").FullName;

    public void Dispose() => Directory.Delete(elsewhere, recursive: true);

    [Fact]
    public async Task Started_from_another_directory_the_program_logs_as_its_own_appsettings_say()
    {
        // A setting refused at once: the process logs one entry and exits, with no database needed.
        var nowhere = $"Host=127.0.0.1;Port={FreePort.OnLoopback()};Username=depin;Database=depin;Timeout=3";
        await using var server = DepinApiProcess.StartVerb(nowhere, ["--urls", $"http://127.0.0.1:{FreePort.OnLoopback()}"], elsewhere,
            new Dictionary<string, string> { ["Database__MaxPoolSize"] = "0" });

        Assert.True(await server.WaitForExitAsync() == CommandLine.Misconfigured, server.Transcript);
        var entry = Assert.Single(server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("Database:MaxPoolSize"));
        Assert.StartsWith("{\"Timestamp\":", entry);
    }

    [Fact]
    public void A_working_directory_that_holds_the_settings_stays_the_content_root()
    {
        File.WriteAllText(Path.Combine(elsewhere, ContentRoot.SettingsFile), "{}");

        Assert.Null(ContentRoot.Choose(elsewhere, AppContext.BaseDirectory));
    }

    [Fact]
    public void A_working_directory_without_the_settings_gives_way_to_the_programs_own()
    {
        Assert.Equal(AppContext.BaseDirectory, ContentRoot.Choose(elsewhere, AppContext.BaseDirectory));
    }
}
