using DepinApi.Tests.Import;

namespace DepinApi.Tests.Screening;

/// <summary>The importer keeps evidence labels within their kind's vocabulary, and stores the period's days.</summary>
public class EvidenceImportTests
{
    [Fact]
    public async Task A_label_of_another_kind_is_refused_with_the_allowed_labels()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var broken = SeedFixture.Valid().Replace("evidence.csv", "burn_linkage,usage_burns", "burn_linkage,usage_funded");

        var result = await database.ImportAsync(broken);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors).ToString();
        Assert.Contains("evidence.csv:2:", error);
        Assert.Contains("label 'usage_funded' is not one for kind 'burn_linkage'; allowed: burn_and_mint, usage_burns, no_usage_burn", error);
    }

    [Fact]
    public async Task Evidence_rows_are_stored_with_their_period_bounds()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());

        Assert.Equal("burn_linkage usage_burns 2026-06-01 2026-06-01 2026-06-01", await database.ScalarAsync<string>(
            "SELECT concat_ws(' ', kind, label, period, period_start, period_end) FROM evidence WHERE id = 'helium-2026-06-01-burn-linkage' AND valid_to IS NULL"));
    }
}
