using DepinApi.Hosting;

namespace DepinApi.Tests.Hosting;

/// <summary>
/// What the executable's arguments mean. An argument the host's configuration would drop without a word is refused
/// before anything runs, so an import given a switch it does not have (<c>--dry-run</c>) writes nothing.
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "import", "seeds", "--dry-run" }, "--dry-run")]
    [InlineData(new[] { "import", "seeds", "other-seeds" }, "other-seeds")]
    [InlineData(new[] { "import", "seeds", "/tmp/other-seeds" }, "/tmp/other-seeds")]
    [InlineData(new[] { "migrate", "now" }, "now")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080", "-v" }, "-v")]
    [InlineData(new[] { "import", "--dry-run", "seeds" }, "--dry-run")]
    public void An_argument_nothing_reads_is_a_usage_error_naming_it(string[] args, string unread)
    {
        var verb = Assert.IsType<UsageError>(CommandLine.Parse(args));

        Assert.StartsWith($"'{unread}' is not an argument here", verb.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_name_is_no_folder()
    {
        Assert.StartsWith("import needs the seed-data folder", Assert.IsType<UsageError>(CommandLine.Parse(["import", ""])).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_anywhere_shows_the_usage_and_runs_nothing(string help)
    {
        foreach (var args in new[] { new[] { help }, ["--urls", "http://127.0.0.1:1", help], ["import", "seeds", help] })
            Assert.Equal("", Assert.IsType<UsageError>(CommandLine.Parse(args)).Message);
    }

    [Fact]
    public void Configuration_overrides_in_either_form_reach_the_host()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:5081", "--Database:Embedded:Port=54400"],
            Assert.IsType<ServeVerb>(CommandLine.Parse(["--urls", "http://127.0.0.1:5081", "--Database:Embedded:Port=54400"])).HostArguments);
        var import = Assert.IsType<ImportVerb>(CommandLine.Parse(["import", "seeds", "/Database:CommandTimeoutSeconds", "30", "Logging:LogLevel:Default=Warning"]));
        Assert.Equal("seeds", import.Directory);
        Assert.Equal(3, import.HostArguments.Length);
    }
}
