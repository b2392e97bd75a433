using System.Text;

namespace DepinApi.Tests.Import;

/// <summary>
/// Whole-file problems: encoding, truncation, missing files, several broken files at once.
/// After each failed import the database is exactly as before.
/// </summary>
public class FileErrorTests
{
    private static async Task AssertFailsWithAsync(SeedFixture broken, params string[] expected)
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        var result = await database.ImportAsync(broken);

        Assert.False(result.Succeeded);
        Assert.Null(result.DataVersion);
        Assert.Empty(result.Counts);
        Assert.Equal(expected, result.Errors.Select(e => e.ToString()));
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    private static byte[] ReplaceBytes(byte[] bytes, string find, byte[] replacement)
    {
        var text = Encoding.UTF8.GetBytes(find);
        var at = bytes.AsSpan().IndexOf(text);
        Assert.True(at >= 0, $"'{find}' not found");
        return [.. bytes[..at], .. replacement, .. bytes[(at + text.Length)..]];
    }

    [Fact]
    public async Task A_byte_that_is_not_UTF8_is_reported_at_its_line_and_column()
    {
        var fixture = SeedFixture.Valid();
        // "é" as Latin-1 (0xE9), as a file saved in the wrong encoding would have it.
        fixture.SetBytes("sources.csv", ReplaceBytes(fixture.Bytes("sources.csv"), "Example Press", [.. "Exampl"u8, 0xE9, .. " Press"u8]));
        await AssertFailsWithAsync(fixture,
            "sources.csv:2:15: file is not valid UTF-8: byte 0xE9 at offset 81 does not belong to a UTF-8 character; save the file as UTF-8");
    }

    [Fact]
    public async Task Columns_of_a_bad_byte_count_characters_not_bytes()
    {
        var fixture = SeedFixture.Valid();
        fixture.SetBytes("sources.csv", ReplaceBytes(fixture.Bytes("sources.csv"), "Example Research", [.. "Éxample"u8, 0xFF, .. "Research"u8]));
        await AssertFailsWithAsync(fixture,
            "sources.csv:3:16: file is not valid UTF-8: byte 0xFF at offset 201 does not belong to a UTF-8 character; save the file as UTF-8");
    }

    [Fact]
    public async Task A_file_cut_inside_a_character_is_not_UTF8()
    {
        var fixture = SeedFixture.Valid();
        var bytes = ReplaceBytes(fixture.Bytes("sources.csv"), "Example Research", "Éxample Research"u8.ToArray());
        fixture.SetBytes("sources.csv", bytes[..194]);
        await AssertFailsWithAsync(fixture,
            "sources.csv:3:9: file is not valid UTF-8: byte 0xC3 at offset 193 does not belong to a UTF-8 character; save the file as UTF-8");
    }

    [Fact]
    public async Task A_file_cut_inside_a_quoted_field_is_truncated()
    {
        var fixture = SeedFixture.Valid();
        var text = fixture.Text("network_metrics.csv");
        fixture.Set("network_metrics.csv", text[..(text.IndexOf("Second line", StringComparison.Ordinal) + 6)]);
        await AssertFailsWithAsync(fixture,
            "network_metrics.csv:2:102: file is truncated: this quoted field is never closed");
    }

    [Fact]
    public async Task A_file_cut_inside_a_record_is_truncated()
    {
        var fixture = SeedFixture.Valid();
        var text = fixture.Text("revenue.csv");
        var cut = "akash-2025q3-revenue,akash,2025Q3";
        fixture.Set("revenue.csv", text[..(text.IndexOf(cut, StringComparison.Ordinal) + cut.Length)]);
        await AssertFailsWithAsync(fixture,
            "revenue.csv:3:34: file is truncated: the last record has 3 of 9 fields");
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        await AssertFailsWithAsync(SeedFixture.Valid().Remove("token_prices.csv"),
            "token_prices.csv:1:1: required file is missing");
    }

    [Fact]
    public async Task An_empty_file_is_reported()
    {
        await AssertFailsWithAsync(SeedFixture.Valid().Set("sector_figures.csv", ""),
            "sector_figures.csv:1:1: file is empty; expected a header row: id,scope,period,metric,value,value_max,unit,basis,qualifier,source,quote");
    }

    [Fact]
    public async Task A_folder_or_a_link_to_nothing_in_place_of_a_file_is_reported_not_thrown()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();
        var folder = SeedFixture.Valid().Write();
        File.Delete(Path.Combine(folder, "revenue.csv"));
        Directory.CreateDirectory(Path.Combine(folder, "revenue.csv"));
        File.Delete(Path.Combine(folder, "projects.csv"));
        File.CreateSymbolicLink(Path.Combine(folder, "projects.csv"), Path.Combine(folder, "no-such-file.csv"));

        var result = await database.Importer.ImportAsync(folder, CancellationToken.None);

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.StartsWith("projects.csv:1:1: cannot be read: ", errors[0]);
        Assert.Contains("revenue.csv:1:1: is a folder; expected a CSV file", errors);
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_quote_missing_from_its_article_is_refused_where_the_quote_starts()
    {
        // Only Akash's revenue is in two.txt now: the other three figures citing it quote sentences it does not hold.
        var broken = SeedFixture.Valid().SetSourceFile("two.txt", "Compute networks. Akash earned about $1,200,000.50 in Q3 2025. The end.");

        await AssertFailsWithAsync(broken,
            "token_prices.csv:3:71: quote does not occur verbatim in sources/two.txt, the article of source 'src-two'; a quote is the source's own sentence, copied exactly",
            "network_metrics.csv:2:102: quote does not occur verbatim in sources/two.txt, the article of source 'src-two'; a quote is the source's own sentence, copied exactly",
            "sector_figures.csv:3:112: quote does not occur verbatim in sources/two.txt, the article of source 'src-two'; a quote is the source's own sentence, copied exactly",
            "evidence.csv:3:95: quote does not occur verbatim in sources/two.txt, the article of source 'src-two'; a quote is the source's own sentence, copied exactly");
    }

    [Fact]
    public async Task An_article_that_is_not_utf8_is_refused_where_it_is_read_not_searched_with_a_replacement_character()
    {
        // "café" in Latin-1: read leniently, the 0xE9 became U+FFFD, and a quote holding one passed as verbatim.
        var broken = SeedFixture.Valid().AppendToSourceFile("two.txt", [.. "\nThe caf"u8, 0xE9, .. " network earned 5 dollars.\n"u8]);

        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();
        var result = await database.ImportAsync(broken);

        var error = Assert.Single(result.Errors).ToString();
        Assert.StartsWith("sources/two.txt:", error);
        Assert.Contains("file is not valid UTF-8: byte 0xE9", error);
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_record_that_cannot_be_split_is_one_error_not_one_per_reference_to_it()
    {
        // Akash's record loses a field: every figure of Akash would otherwise be an "unknown project".
        var broken = SeedFixture.Valid().Replace("projects.csv", "akash,Akash Network,compute,", "akash,Akash Network compute,");

        await using var database = await ImportDatabase.CreateAsync();
        var result = await database.ImportAsync(broken);

        var error = Assert.Single(result.Errors).ToString();
        Assert.StartsWith("projects.csv:3:", error);
        Assert.Contains("expected 8 fields as in the header, found 7", error);
    }

    [Fact]
    public async Task A_quote_left_open_is_reported_where_its_field_begins()
    {
        // The quote opened on line 2 closes only at the next quote, on line 3: one field runs over the line break.
        var broken = SeedFixture.Valid().Replace("revenue.csv", "src-one,Helium earned", "src-one,\"Helium earned");

        await using var database = await ImportDatabase.CreateAsync();
        var result = await database.ImportAsync(broken);

        Assert.Contains("revenue.csv:2:81: this quoted field runs on to line 3, and the record has", result.Errors[0].ToString());
    }

    [Fact]
    public async Task An_alias_that_is_a_projects_slug_is_refused_on_its_line()
    {
        await AssertFailsWithAsync(SeedFixture.Valid().Set("project_aliases.csv", "alias,slug\nhnt,helium\nakash,helium\n"),
            "project_aliases.csv:3:1: alias 'akash' is the slug of a project (projects.csv line 3); an alias must be another spelling");
    }

    [Fact]
    public void An_error_is_one_line_however_the_value_it_quotes_is_written()
    {
        var error = new DepinApi.Import.ImportError("settlement_mix.csv", 2, 58, "unknown label 'x\ny\u001b[2K\tz'");

        Assert.Equal("settlement_mix.csv:2:58: unknown label 'x\\ny\\u001B[2K\\tz'", error.ToString());
    }

    [Fact]
    public async Task A_seed_file_named_by_a_source_must_exist()
    {
        await AssertFailsWithAsync(SeedFixture.Valid().RemoveSourceFile("two.txt"),
            "sources.csv:3:76: seed_file 'two.txt' not found in sources/");
    }

    [Fact]
    public async Task Every_error_in_every_file_is_reported_in_file_order()
    {
        var broken = SeedFixture.Valid()
            .Replace("settlement_mix.csv", "helium,2026-06-01", "helium,2026-6-1")
            .Replace("revenue.csv", "helium,2025Q3", "heliun,2025Q5")
            .Replace("revenue.csv", "1200000.50", "1,200,000.50")
            .Replace("projects.csv", ",wireless,", ",telecom,")
            .Remove("token_prices.csv");
        await AssertFailsWithAsync(broken,
            "projects.csv:2:15: unknown sector 'telecom'; allowed: wireless, compute, storage, mapping, sensors, energy, bandwidth",
            "revenue.csv:2:23: unknown project 'heliun'",
            "revenue.csv:2:30: quarter must be YYYYQn with n 1 to 4, got '2025Q5'",
            "revenue.csv:3:81: expected 9 fields as in the header, found 11",
            "settlement_mix.csv:2:30: as_of must be a date yyyy-MM-dd, got '2026-6-1'",
            "token_prices.csv:1:1: required file is missing");
    }

    [Fact]
    public async Task A_missing_directory_is_one_error()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var missing = Path.Combine(Path.GetTempPath(), "depin-no-such-" + Guid.NewGuid().ToString("N"));
        var result = await database.Importer.ImportAsync(missing, CancellationToken.None);
        Assert.Equal([$"{missing}:1:1: seed directory not found"], result.Errors.Select(e => e.ToString()));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM data_versions"));
    }
}
