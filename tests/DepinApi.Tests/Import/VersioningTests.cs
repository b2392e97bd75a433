using DepinApi.Import;

namespace DepinApi.Tests.Import;

/// <summary>Imports compare with the current rows by natural key and keep every revision.</summary>
public class VersioningTests
{
    private static readonly Dictionary<string, int> ValidRowCounts = new()
    {
        ["sources"] = 2,
        ["projects"] = 2,
        ["revenue"] = 2,
        ["settlement_mix"] = 2,
        ["token_prices"] = 2,
        ["network_metrics"] = 2,
        ["sector_figures"] = 2,
        ["evidence"] = 2,
        // Optional, and absent from the fixture: an empty table.
        ["project_aliases"] = 0,
    };

    private static Dictionary<string, TableCounts> AllUnchanged() =>
        ValidRowCounts.ToDictionary(p => p.Key, p => new TableCounts(0, 0, 0, p.Value));

    [Fact]
    public async Task A_first_import_adds_every_row_as_data_version_1()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportValidAsync(SeedFixture.Valid());

        Assert.Equal(1, result.DataVersion);
        Assert.False(result.WaitedForLock);
        Assert.Equal(ValidRowCounts.ToDictionary(p => p.Key, p => new TableCounts(p.Value, 0, 0, 0)), result.Counts);
        Assert.Equal(SeedImporter.FileNames, result.Counts.Keys.Select(k => k + ".csv"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM revenue_figures WHERE valid_from = 1 AND valid_to IS NULL"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM project_keys"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM source_keys"));
        Assert.Equal("""{"added": 2, "changed": 0, "removed": 0, "unchanged": 0}""",
            await database.ScalarAsync<string>("SELECT (summary -> 'revenue')::text FROM data_versions WHERE id = 1"));
    }

    [Fact]
    public async Task The_planner_has_statistics_for_what_an_import_wrote_and_only_that()
    {
        await using var database = await ImportDatabase.CreateAsync();
        // ANALYZE sets a table's row estimate, transactionally; a table never analyzed (or vacuumed) has -1.
        const string estimate = "SELECT reltuples FROM pg_class WHERE oid = $1::regclass";
        Assert.Equal(-1f, await database.ScalarAsync<float>(estimate, "revenue_figures"));

        await database.ImportValidAsync(SeedFixture.Valid());

        Assert.Equal(2f, await database.ScalarAsync<float>(estimate, "revenue_figures"));
        Assert.Equal(2f, await database.ScalarAsync<float>(estimate, "token_prices"));
        Assert.Equal(2f, await database.ScalarAsync<float>(estimate, "project_keys"));
        Assert.Equal(1f, await database.ScalarAsync<float>(estimate, "data_versions"));
        // Optional and absent from the fixture: unchanged, so not analyzed.
        Assert.Equal(-1f, await database.ScalarAsync<float>(estimate, "project_slug_aliases"));
    }

    [Fact]
    public async Task Values_are_stored_as_the_schema_types()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());

        Assert.Equal("Akash ran 300 to 400 \"GPU\" containers.\nSecond line of the quote.",
            await database.ScalarAsync<string>("SELECT quote FROM network_metrics WHERE id = 'akash-2025-gpu-containers'"));
        Assert.Equal("2025-01/2025-09 2025-01-01 2025-09-30 range 400",
            await database.ScalarAsync<string>("SELECT concat_ws(' ', period, period_start, period_end, qualifier, value_max) FROM network_metrics WHERE id = 'akash-2025-gpu-containers'"));
        Assert.Equal("2025 3 1200000.50 about",
            await database.ScalarAsync<string>("SELECT concat_ws(' ', year, quarter, amount_usd, qualifier) FROM revenue_figures WHERE id = 'akash-2025q3-revenue'"));
        Assert.Equal(-0.7855m, await database.ScalarAsync<decimal>("SELECT change_1y FROM token_prices WHERE id = 'helium-2026-06-01-price'"));
        Assert.True(await database.ScalarAsync<bool>("SELECT price_usd IS NULL AND qualifier = 'over' FROM token_prices WHERE id = 'akash-2026-06-01-change-90d'"));
        Assert.True(await database.ScalarAsync<bool>("SELECT published_on IS NULL AND url IS NULL FROM sources WHERE id = 'src-two'"));
    }

    [Fact]
    public async Task The_same_files_again_create_no_data_version_and_change_nothing()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        var result = await database.ImportValidAsync(SeedFixture.Valid());

        Assert.Null(result.DataVersion);
        Assert.Equal(AllUnchanged(), result.Counts);
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Numbers_compare_by_value_and_line_breaks_by_meaning()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        // Same values written differently: fewer trailing zeros, CRLF line breaks, a byte-order mark.
        var reformatted = SeedFixture.Valid().Replace("revenue.csv", "1200000.50", "1200000.5").Replace("settlement_mix.csv", "0.70,0.30", "0.7,0.300");
        foreach (var file in reformatted.FileNames.ToList())
            reformatted.SetBytes(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(reformatted.Text(file).Replace("\n", "\r\n"))]);
        var result = await database.ImportValidAsync(reformatted);

        Assert.Null(result.DataVersion);
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_changed_amount_supersedes_the_old_row_in_version_2()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());

        var result = await database.ImportValidAsync(SeedFixture.Valid().Replace("revenue.csv",
            ",851700,disclosed,,src-one,Helium earned $851700", ",851800,disclosed,,src-one,Helium earned $851800"));

        Assert.Equal(2, result.DataVersion);
        var expected = AllUnchanged();
        expected["revenue"] = new TableCounts(0, 1, 0, 1);
        Assert.Equal(expected, result.Counts);
        Assert.Equal("851700.00 1 2|851800.00 2 ",
            await database.ScalarAsync<string>("""
                SELECT string_agg(concat_ws(' ', amount_usd, valid_from, coalesce(valid_to::text, '')), '|' ORDER BY valid_from)
                FROM revenue_figures WHERE id = 'helium-2025q3-revenue'
                """));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM revenue_figures WHERE id = 'akash-2025q3-revenue'"));
        Assert.Equal("1", await database.ScalarAsync<string>("SELECT summary -> 'revenue' ->> 'changed' FROM data_versions WHERE id = 2"));
    }

    [Fact]
    public async Task A_removed_row_is_superseded_but_kept()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());

        var result = await database.ImportValidAsync(SeedFixture.Valid()
            .Replace("token_prices.csv", "akash-2026-06-01-change-90d,akash,AKT,2026-06-01,,,1.20,,over,src-two,AKT rose over 120% in 90 days.\n", ""));

        Assert.Equal(2, result.DataVersion);
        Assert.Equal(new TableCounts(0, 0, 1, 1), result.Counts["token_prices"]);
        Assert.Equal("akash-2026-06-01-change-90d 1 2|helium-2026-06-01-price 1 ", await database.ScalarAsync<string>(
            "SELECT string_agg(concat_ws(' ', id, valid_from, coalesce(valid_to::text, '')), '|' ORDER BY id) FROM token_prices"));
    }

    [Fact]
    public async Task A_removed_project_keeps_its_key_and_can_come_back()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var withoutAkash = SeedFixture.Valid()
            .Replace("projects.csv", "akash,Akash Network,compute,Cloud Computing,AKT,Akash,,\"Decentralized cloud: containers, GPUs.\"\n", "")
            .Replace("revenue.csv", "akash-2025q3-revenue,akash,2025Q3,quarterly_revenue,1200000.50,estimate,about,src-two,\"Akash earned about $1,200,000.50 in Q3 2025.\"\n", "")
            .Replace("settlement_mix.csv", "akash-2026-06-01-mix,akash,2026-06-01,,,mainly_native,estimate,,src-one,Akash mainly settles in native tokens.\n", "")
            .Replace("token_prices.csv", "akash-2026-06-01-change-90d,akash,AKT,2026-06-01,,,1.20,,over,src-two,AKT rose over 120% in 90 days.\n", "");
        var network = withoutAkash.Text("network_metrics.csv");
        withoutAkash.Set("network_metrics.csv", network[..network.IndexOf("akash-", StringComparison.Ordinal)] + network[(network.IndexOf("helium-", StringComparison.Ordinal))..]);

        var removed = await database.ImportValidAsync(withoutAkash);
        Assert.Equal(new TableCounts(0, 0, 1, 1), removed.Counts["projects"]);
        Assert.Equal(new TableCounts(0, 0, 1, 1), removed.Counts["network_metrics"]);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM project_keys"));

        var back = await database.ImportValidAsync(SeedFixture.Valid());
        Assert.Equal(3, back.DataVersion);
        Assert.Equal(new TableCounts(1, 0, 0, 1), back.Counts["projects"]);
        Assert.Equal("1 2|3 ", await database.ScalarAsync<string>(
            "SELECT string_agg(concat_ws(' ', valid_from, coalesce(valid_to::text, '')), '|' ORDER BY valid_from) FROM projects WHERE slug = 'akash'"));
    }

    [Fact]
    public async Task The_report_lists_counts_per_file()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var result = await database.ImportValidAsync(SeedFixture.Valid());
        var writer = new StringWriter();
        result.WriteReport(writer);
        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("Imported data version 1.", lines[0]);
        Assert.Equal("file                   added  changed  removed  unchanged", lines[1]);
        Assert.Equal("revenue.csv                2        0        0          0", lines[4]);
    }

    [Fact]
    public async Task The_report_of_a_failed_import_lists_every_error()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var result = await database.ImportAsync(SeedFixture.Valid().Remove("revenue.csv").Remove("projects.csv"));
        var writer = new StringWriter();
        result.WriteReport(writer);
        Assert.Equal(
            [
                "Import failed with 2 errors; nothing was written.",
                "projects.csv:1:1: required file is missing",
                "revenue.csv:1:1: required file is missing",
                "",
            ],
            writer.ToString().Split(Environment.NewLine));
    }
}
