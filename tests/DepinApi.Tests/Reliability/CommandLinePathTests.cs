using DepinApi.Hosting;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// The verbs as a user types them. <c>dotnet run --project src/DepinApi -- import seed-data</c> starts the program in
/// the project folder with the shell's PWD inherited; the relative folder must be read from where it was typed.
/// </summary>
public sealed class CommandLinePathTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("depin-cli-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Under_dotnet_run_a_relative_folder_is_read_from_the_shells_directory_and_migrate_says_what_it_did()
    {
        var (project, shell) = Layout();
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var environment = new Dictionary<string, string> { ["PWD"] = shell };
            await using (var import = DepinApiProcess.StartVerb(connectionString, ["import", "seed-data"], project, environment))
            {
                Assert.True(await import.WaitForExitAsync() == 0, import.Transcript);
                Assert.Contains("Imported data version 1.", import.Output);
            }
            await using var migrate = DepinApiProcess.StartVerb(connectionString, ["migrate"], project, environment);
            Assert.True(await migrate.WaitForExitAsync() == 0, migrate.Transcript);
            Assert.Contains($"Schema up to date at version {DepinApi.Database.Migrator.LatestVersion}", migrate.Output);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_folder_missing_where_the_command_was_typed_is_refused_naming_where_it_was_looked_for()
    {
        var (project, shell) = Layout();
        // The project folder has a seed-data of its own: it must not be the one read.
        SeedDataCopy.CopyTo(Path.Combine(project, "seed-data"));
        Directory.Delete(Path.Combine(shell, "seed-data"), recursive: true);
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var import = DepinApiProcess.StartVerb(connectionString, ["import", "seed-data"], project,
                new Dictionary<string, string> { ["PWD"] = shell });
            Assert.Equal(CommandLine.BadUsage, await import.WaitForExitAsync());
            Assert.Contains($"seed-data: no such folder ({Path.Combine(shell, "seed-data")}); nothing was started or changed.", import.Error);
            // Said before the database was touched: the schema was not even migrated.
            Assert.DoesNotContain("Schema", import.Output);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void Outside_the_project_folder_the_working_directory_decides_even_when_PWD_is_stale()
    {
        var (project, shell) = Layout();
        var elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;

        Assert.Equal(shell, InvocationDirectory.Of(project, shell));
        Assert.Equal(elsewhere, InvocationDirectory.Of(elsewhere, shell));
        Assert.Equal(project, InvocationDirectory.Of(project, null));
        Assert.Equal(project, InvocationDirectory.Of(project, "relative/path"));
        Assert.Equal(project, InvocationDirectory.Of(project, Path.Combine(root, "gone")));
    }

    [Fact]
    public void Under_dotnet_run_its_own_working_directory_wins_over_a_stale_PWD()
    {
        // A script's subprocess (cwd chosen, PWD inherited unchanged) runs `dotnet run` in the repository: the folder
        // dotnet run was started in is where the command was given.
        var (project, shell) = Layout();
        var typedIn = Directory.CreateDirectory(Path.Combine(root, "typed-in")).FullName;

        Assert.Equal(typedIn, InvocationDirectory.Of(project, shell, typedIn));
        Assert.Equal(shell, InvocationDirectory.Of(project, shell, Path.Combine(root, "gone")));
        Assert.Equal(typedIn, InvocationDirectory.Of(project, null, typedIn));
        Assert.Equal(typedIn, InvocationDirectory.Of(typedIn, shell, project));
    }

    // A project folder as dotnet run leaves it (project file, appsettings.json) and a shell folder holding seed-data.
    private (string Project, string Shell) Layout()
    {
        var project = Directory.CreateDirectory(Path.Combine(root, "repo", "src", "DepinApi")).FullName;
        File.WriteAllText(Path.Combine(project, InvocationDirectory.ProjectFile), "<Project />");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(project, "appsettings.json"));
        var shell = Path.Combine(root, "repo");
        SeedDataCopy.CopyTo(Path.Combine(shell, "seed-data"));
        return (project, shell);
    }
}
