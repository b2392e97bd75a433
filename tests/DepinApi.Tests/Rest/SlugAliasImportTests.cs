using DepinApi.Tests.Import;

namespace DepinApi.Tests.Rest;

/// <summary>The optional project_aliases.csv seed file: validated like the others, versioned like the others.</summary>
public class SlugAliasImportTests
{
    [Fact]
    public async Task An_alias_is_imported_and_dropping_the_file_removes_it_in_a_new_version()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var fixture = SeedFixture.Valid();
        fixture.Set("project_aliases.csv", "alias,slug\nhelium-network,helium\n");
        await database.ImportValidAsync(fixture);

        Assert.Equal("helium", await database.ScalarAsync<string>(
            "SELECT slug FROM project_slug_aliases WHERE alias = 'helium-network' AND valid_to IS NULL"));

        fixture.Remove("project_aliases.csv");
        var second = await database.ImportValidAsync(fixture);
        Assert.Equal(2, second.DataVersion);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM project_slug_aliases WHERE valid_to IS NULL"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM project_slug_aliases WHERE valid_to = 2"));
    }

    [Fact]
    public async Task An_alias_of_an_unknown_project_is_refused_with_its_position()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var fixture = SeedFixture.Valid();
        fixture.Set("project_aliases.csv", "alias,slug\nrndr,render\n");

        var result = await database.ImportAsync(fixture);

        Assert.False(result.Succeeded);
        Assert.Equal("project_aliases.csv:2:6: unknown slug 'render'", Assert.Single(result.Errors).ToString());
    }
}
