using DepinApi.Database;
using DepinApi.Import;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DepinApi.Tests.Infrastructure;

/// <summary>
/// A second data version imported under a running service, as the tests of vintages make one: a copy of the seed
/// data with a figure corrected, imported, and the service made to see it at once.
/// </summary>
public static class SecondDataVersion
{
    /// <summary>The figure the second version corrects: Aethir's Q2 2025 revenue, $32.7 million in version 1, $32.8 million after.</summary>
    public const string RevisedFigure = "aethir-2025q2-quarterly-revenue";

    /// <summary>Corrects <see cref="RevisedFigure"/> in the revenue file of the seed copy in <paramref name="directory"/>.</summary>
    public static void ReviseFigure(string directory) =>
        SeedDataCopy.ReviseFigure(directory, "revenue.csv", RevisedFigure,
            (",quarterly_revenue,32700000,", ",quarterly_revenue,32800000,"), ("$32.7 million in Q2", "$32.8 million in Q2"));

    /// <summary>Gives Render the former slug "rndr" in the aliases file of the seed copy in <paramref name="directory"/>.</summary>
    public static void AddFormerSlug(string directory) =>
        File.WriteAllText(Path.Combine(directory, "project_aliases.csv"), "alias,slug\nrndr,render\n");

    /// <summary>Imports <paramref name="directory"/> as the next version of the service's database.</summary>
    public static async Task ImportAsync(ApiFactory factory, string connectionString, string directory)
    {
        await using var admin = NpgsqlDataSource.Create(connectionString);
        var result = await new SeedImporter(admin).ImportAsync(directory, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        // The listener reloads on NOTIFY in the background; reloading here makes the test independent of its timing.
        await factory.Services.GetRequiredService<DataVersionTracker>().ReloadAsync(CancellationToken.None);
    }
}
