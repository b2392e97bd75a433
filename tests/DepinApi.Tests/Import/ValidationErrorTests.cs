namespace DepinApi.Tests.Import;

/// <summary>
/// Each broken seed file is reported as exact "file:line:column: message" lines, and a failed
/// import leaves the database exactly as it was (checked against data imported before).
/// </summary>
public class ValidationErrorTests
{
    [Theory]
    [InlineData("sources.csv", "seed_file,url", "seed_file,link", "sources.csv:1:64: unknown column 'link'; sources.csv has: id, publisher, title, published_on, published_label, kind, seed_file, url")]
    [InlineData("token_prices.csv", "source,quote", "source,quotes", "token_prices.csv:1:1: missing required column 'quote'\ntoken_prices.csv:1:89: unknown column 'quotes'; token_prices.csv has: id, project, token_symbol, date, price_usd, change_30d, change_90d, change_1y, qualifier, source, quote")]
    [InlineData("token_prices.csv", ",,,1.20,,over", ",,,,,over", "token_prices.csv:3:50: at least one of price_usd, change_30d, change_90d, change_1y must be given")]
    [InlineData("token_prices.csv", ",,,1.20,,over", ",,1.20,1.20,,over", "token_prices.csv:3:62: qualifier 'over' applies to one figure, but the row has change_30d, change_90d")]
    [InlineData("revenue.csv", "Helium earned $851700 in Q3 2025.", "Helium earned $851700, in Q3 2025.", "revenue.csv:2:103: expected 9 fields as in the header, found 10")]
    [InlineData("revenue.csv", ",src-one,Helium earned", ",Helium earned", "revenue.csv:2:106: expected 9 fields as in the header, found 8")]
    [InlineData("revenue.csv", ",851700,", ",,", "revenue.csv:2:55: amount_usd is required but empty")]
    [InlineData("revenue.csv", "1200000.50", "1 200 000.50", "revenue.csv:3:53: amount_usd must be a plain decimal number like 1234.5 (no thousands separators, units or exponent), got '1 200 000.50'")]
    [InlineData("sector_figures.csv", "800000000", "8e8", "sector_figures.csv:2:59: value must be a plain decimal number like 1234.5 (no thousands separators, units or exponent), got '8e8'")]
    [InlineData("revenue.csv", "1200000.50", "1200000.505", "revenue.csv:3:53: amount_usd allows at most 2 decimal places, got '1200000.505'")]
    [InlineData("settlement_mix.csv", "helium,2026-06-01", "helium,2026-06-31", "settlement_mix.csv:2:30: as_of must be a date yyyy-MM-dd, got '2026-06-31'")]
    [InlineData("sources.csv", "2026-06-01,2026-06-01", "01/06/2026,2026-06-01", "sources.csv:2:59: published_on must be a date yyyy-MM-dd, got '01/06/2026'")]
    [InlineData("revenue.csv", "helium,2025Q3", "helium,2025Q5", "revenue.csv:2:30: quarter must be YYYYQn with n 1 to 4, got '2025Q5'")]
    [InlineData("revenue.csv", "akash,2025Q3", "akash,1999Q4", "revenue.csv:3:28: quarter year must be between 2000 and 2100, got '1999Q4'")]
    [InlineData("network_metrics.csv", "helium,2025Q3", "helium,2025-Q3", "network_metrics.csv:4:35: period must be a day (2026-06-01), month (2025-10), quarter (2025Q3), year (2025) or interval (2025-01/2025-09), got '2025-Q3'")]
    [InlineData("network_metrics.csv", "2025-01/2025-09", "2025-09/2025-01", "network_metrics.csv:2:33: period interval ends before it starts, got '2025-09/2025-01'")]
    [InlineData("settlement_mix.csv", "0.70,0.30", "1.5,0.30", "settlement_mix.csv:2:41: stablecoin_share must be between 0 and 1, got '1.5'")]
    [InlineData("settlement_mix.csv", "0.70,0.30", "0.70,0.70", "settlement_mix.csv:2:46: stablecoin_share + native_share must be at most 1, got 0.70 + 0.70 = 1.40")]
    [InlineData("settlement_mix.csv", ",,mainly_native,", ",,,", "settlement_mix.csv:3:39: at least one of stablecoin_share, native_share, label must be given")]
    [InlineData("settlement_mix.csv", "0.70,0.30,", "0.70,0.30,mainly_stablecoin", "settlement_mix.csv:2:51: label is only for rows without stablecoin_share or native_share")]
    [InlineData("settlement_mix.csv", "estimate,about", "estimated,about", "settlement_mix.csv:2:52: unknown basis 'estimated'; allowed: disclosed, estimate")]
    [InlineData("token_prices.csv", ",0.7277,,", ",-0.7277,,", "token_prices.csv:2:47: price_usd must be at least 0, got '-0.7277'")]
    [InlineData("token_prices.csv", "-0.7855", "-1.7855", "token_prices.csv:2:56: change_1y must be at least -1, got '-1.7855'")]
    [InlineData("network_metrics.csv", "300,400", "400,300", "network_metrics.csv:2:68: value_max must be at least value (400), got 300")]
    [InlineData("network_metrics.csv", "300,400,count,disclosed,range", "300,,count,disclosed,range", "network_metrics.csv:2:85: qualifier 'range' needs value_max, the high end of the range")]
    [InlineData("sector_figures.csv", "800000000,,usd,estimate,over", "800000000,800000000,usd,estimate,over", "sector_figures.csv:2:69: value_max is only allowed with qualifier 'range', got qualifier 'over'")]
    [InlineData("sector_figures.csv", "0.85,,fraction", "0.85,0.85,fraction", "sector_figures.csv:3:84: value_max is only allowed with qualifier 'range', got no qualifier")]
    [InlineData("revenue.csv", "estimate,about", "estimate,range", "revenue.csv:3:73: unknown qualifier 'range'; allowed: about, nearly, over, under, up_to")]
    [InlineData("projects.csv", ",wireless,", ",telecom,", "projects.csv:2:15: unknown sector 'telecom'; allowed: wireless, compute, storage, mapping, sensors, energy, bandwidth")]
    [InlineData("network_metrics.csv", ",count,disclosed,over", ",nodes,disclosed,over", "network_metrics.csv:4:63: unknown unit 'nodes'; allowed: count, fraction, usd, tokens, hours, gpus")]
    [InlineData("revenue.csv", "helium-2025q3-revenue", "Helium_Q3", "revenue.csv:2:1: id must be lower-case letters, digits and single hyphens, at most 100 characters, like 'helium-2025q3-revenue', got 'Helium_Q3'")]
    [InlineData("projects.csv", "HNT", "hnt", "projects.csv:2:39: token_symbol must be 1 to 12 upper-case letters or digits, like 'HNT', got 'hnt'")]
    [InlineData("network_metrics.csv", "active_nodes", "Active Nodes", "network_metrics.csv:4:42: metric must be lower-case words joined by underscores, at most 100 characters, like 'active_nodes', got 'Active Nodes'")]
    [InlineData("sources.csv", "https://example.com/one", "example.com/one", "sources.csv:2:95: url must be an absolute http or https URL, got 'example.com/one'")]
    [InlineData("sources.csv", "one.txt", "../one.txt", "sources.csv:2:87: seed_file must be a file name without folders, like '000_e871e4a250482ae1.txt', got '../one.txt'")]
    [InlineData("revenue.csv", "helium,2025Q3", "heliun,2025Q3", "revenue.csv:2:23: unknown project 'heliun'")]
    [InlineData("token_prices.csv", "src-one", "src-three", "token_prices.csv:2:65: unknown source 'src-three'")]
    [InlineData("revenue.csv", "akash-2025q3-revenue", "helium-2025q3-revenue", "revenue.csv:3:1: duplicate id 'helium-2025q3-revenue', first defined on line 2")]
    [InlineData("network_metrics.csv", "helium-2025q3-active-nodes", "akash-2025-gpu-containers", "network_metrics.csv:4:1: duplicate id 'akash-2025-gpu-containers', first defined on line 2")]
    [InlineData("projects.csv", "chain,website", "chain,chain", "projects.csv:1:47: duplicate column 'chain', first on column 41")]
    [InlineData("sector_figures.csv", "DePIN surpassed", "DePIN \"surpassed\"", "sector_figures.csv:2:102: quote inside an unquoted field; quote the whole field and double the quote (\"\")\nsector_figures.csv:2:112: quote inside an unquoted field; quote the whole field and double the quote (\"\")")]
    [InlineData("projects.csv", "GPUs.\"", "GPUs.\" and more", "projects.csv:3:96: unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")")]
    [InlineData("revenue.csv", "Helium earned $851700 in Q3 2025.", "Helium earned\u0000 $851700 in Q3 2025.", "revenue.csv:2:81: quote contains a NUL character (U+0000), which the database cannot store")]
    [InlineData("sector_figures.csv", "0.85,,fraction", "0.12345678901234567890123456789,,fraction", "sector_figures.csv:3:79: value has more digits than can be kept exactly (at most 28 significant digits), got '0.12345678901234567890123456789'")]
    [InlineData("sector_figures.csv", "800000000,,usd", "123456789012345678901234567890,,usd", "sector_figures.csv:2:59: value has more digits than can be kept exactly (at most 28 significant digits), got '123456789012345678901234567890'")]
    [InlineData("revenue.csv", "helium-2025q3-revenue,helium,", "helium-2025q3-revenue,Helium,", "revenue.csv:2:23: project must be lower-case letters, digits and single hyphens, at most 100 characters, like 'helium' or 'io-net', got 'Helium'")]
    [InlineData("revenue.csv", "2025Q3,quarterly_revenue,851700", "2025Q3,fiscal_year_revenue,851700", "revenue.csv:2:30: a fiscal_year_revenue figure covers a whole year and sits in its fourth quarter (Q4), got Q3")]
    [InlineData("revenue.csv", "1200000.50,estimate", "1200000.60,estimate", "revenue.csv:3:53: amount_usd 1200000.60 is not stated in the quote as a number ('$520 million' is 520000000); it states 1,200,000.50 (1200000.50), 2025 (2025)")]
    [InlineData("token_prices.csv", ",-0.7855,", ",0.7855,", "token_prices.csv:2:56: change_1y 0.7855 is not stated in the quote as a percentage or multiple (-0.7855 is 'down 78.55%', 10 is '10x'); it states 78.55% (-0.7855)")]
    [InlineData("token_prices.csv", "0.7277,,,-0.7855", "0.7727,,,-0.7855", "token_prices.csv:2:47: price_usd 0.7727 is not stated in the quote as a number ('$520 million' is 520000000); it states 0.7277 (0.7277)")]
    [InlineData("settlement_mix.csv", "0.70,0.30", "0.70,0.03", "settlement_mix.csv:2:46: native_share 0.03 is not stated in the quote as a percentage or multiple (-0.7855 is 'down 78.55%', 10 is '10x'); it states 70% (0.7), 30% (0.3)")]
    [InlineData("sector_figures.csv", "Utilization was 85%.", "Utilization was 0.85.", "sector_figures.csv:3:79: value 0.85 is not stated in the quote as a percentage or multiple (-0.7855 is 'down 78.55%', 10 is '10x'); it states no percentage or multiple")]
    [InlineData("network_metrics.csv", "400000,,count", "40000,,count", "network_metrics.csv:4:55: value 40000 is not stated in the quote as a number ('$520 million' is 520000000); it states 400000 (400000)")]
    [InlineData("network_metrics.csv", "300,400,count", "300,450,count", "network_metrics.csv:2:68: value_max 450 is not stated in the quote as a number ('$520 million' is 520000000); it states 300 (300), 400 (400)")]
    [InlineData("revenue.csv", ",src-one,Helium earned $851700 in Q3 2025.", ",src-one,\"Helium earned\n\n$851700 in Q3 2025.\"", "revenue.csv:2:81: quote must be one sentence or table row of its article, at most 1,000 characters, without a blank line, got 'Helium earned\\n\\n$851700 in Q3 2025.'")]
    public async Task A_broken_field_is_reported_where_it_starts_and_nothing_is_written(string file, string find, string replacement, string expected)
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        var result = await database.ImportAsync(SeedFixture.Valid().Replace(file, find, replacement));

        Assert.False(result.Succeeded);
        Assert.Null(result.DataVersion);
        Assert.Equal(expected.Split('\n'), result.Errors.Select(e => e.ToString()));
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Theory]
    [InlineData("Helium earned $851700 in Q3 2025.", "earned $851700 in Q3 2025.")] // starts inside the sentence
    [InlineData("Helium earned $851700 in Q3 2025.", "Helium earned $851700")] // ends inside it
    [InlineData("Helium earned $851700 in Q3 2025.", "51700 in Q3 2025.")] // starts inside a number
    public async Task A_quote_cut_from_inside_a_sentence_is_refused_though_it_occurs_in_the_article(string sentence, string piece)
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();
        var amount = piece.Contains("51700 ", StringComparison.Ordinal) && !piece.Contains("851700", StringComparison.Ordinal) ? "51700" : "851700";

        var result = await database.ImportAsync(SeedFixture.Valid().FreezeSourceFiles()
            .Replace("revenue.csv", $",851700,disclosed,,src-one,{sentence}", $",{amount},disclosed,,src-one,{piece}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("revenue.csv", 2), (error.File, error.Line));
        Assert.StartsWith("quote occurs in sources/one.txt only as a piece of a sentence or table row", error.Message);
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Theory]
    [InlineData("Sales hit approx. $851700 that quarter.", "$851700 that quarter.")] // after an abbreviation's dot
    [InlineData("Our No. 1 network earned $851700 that quarter.", "1 network earned $851700 that quarter.")]
    [InlineData("The U.S. network earned $851700 that quarter.", "network earned $851700 that quarter.")]
    [InlineData("Fees rose\u2026 $851700 that quarter.", "$851700 that quarter.")] // an ellipsis ends no sentence
    [InlineData("851700.", "851700.")] // no letter: a list's number, no sentence
    [InlineData("| Helium | | $851,700 |", "| $851,700 |")] // one cell, after an empty one
    [InlineData("| Helium | Grew. Then $851,700 | fees |", "Then $851,700 | fees |")] // ends a row it does not start
    [InlineData("| Helium | $851,700 | | Akash | fees |", "| $851,700 | | Akash | fees |")] // across two rows
    public async Task A_piece_of_a_sentence_or_row_that_looks_like_a_whole_is_refused(string article, string quote)
    {
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportAsync(SeedFixture.Valid().FreezeSourceFiles()
            .AppendToSourceFile("one.txt", System.Text.Encoding.UTF8.GetBytes("\n" + article + "\n"))
            .Replace("revenue.csv", ",851700,disclosed,,src-one,Helium earned $851700 in Q3 2025.",
                $",851700,disclosed,,src-one,\"{quote}\""));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("quote occurs in sources/one.txt only as a piece of a sentence or table row", error.Message);
    }

    [Theory]
    [InlineData("It rained. Helium earned $851700 that quarter. It was a good year.", "Helium earned $851700 that quarter. It was a good year.")]
    [InlineData("She wrote: \u201cIt rained.\u201d Helium earned $851700 that quarter (in fees).", "Helium earned $851700 that quarter (in fees).")]
    [InlineData("| Project | Revenue | | --- | --- | | Helium | About $851,700 | | Akash | About $1,200,000.50 |", "| Helium | About $851,700 |")]
    [InlineData("It rained.\r\nHelium earned\r\n$851700 that quarter.\r\n", "Helium earned\n$851700 that quarter.")] // an article saved with Windows line endings
    public async Task Whole_sentences_together_and_a_row_of_a_table_written_on_one_line_are_quotes(string article, string quote)
    {
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportAsync(SeedFixture.Valid().FreezeSourceFiles()
            .AppendToSourceFile("one.txt", System.Text.Encoding.UTF8.GetBytes("\n" + article + "\n"))
            .Replace("revenue.csv", ",851700,disclosed,,src-one,Helium earned $851700 in Q3 2025.",
                $",851700,disclosed,,src-one,\"{quote}\""));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("Helium earned €851,700 that quarter.", "revenue.csv:2:55: amount_usd 851700 is stated in the quote as an amount of another currency, '€851,700'; figures are in US dollars")]
    [InlineData("Helium earned 851,700 euros that quarter.", "revenue.csv:2:55: amount_usd 851700 is stated in the quote as an amount of another currency, '851,700 euros'; figures are in US dollars")]
    [InlineData("Helium earned $851,700-$900,000 that quarter.", "revenue.csv:2:55: amount_usd 851700 is one end of a range the quote states, '851,700', not a single figure; this file holds single figures")]
    [InlineData("Helium earned $851,700 or $900,000 that quarter.", "revenue.csv:2:55: amount_usd 851700 is one end of a range the quote states, '851,700', not a single figure; this file holds single figures")]
    public async Task A_figure_the_quote_states_only_as_a_ranges_end_or_in_another_currency_is_refused(string sentence, string expected)
    {
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportAsync(SeedFixture.Valid().FreezeSourceFiles()
            .AppendToSourceFile("one.txt", System.Text.Encoding.UTF8.GetBytes("\n" + sentence + "\n"))
            .Replace("revenue.csv", ",851700,disclosed,,src-one,Helium earned $851700 in Q3 2025.",
                $",851700,disclosed,,src-one,\"{sentence}\""));

        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData("Fees were $5M-$7M that year.", "5000000,7000000,usd,estimate,range")] // a range cites both its ends
    [InlineData("Fees were US$5 million that year.", "5000000,,usd,estimate,")]
    public async Task A_range_cites_its_ends_and_dollars_may_be_written_US_dollars(string sentence, string figure)
    {
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportAsync(SeedFixture.Valid().FreezeSourceFiles()
            .AppendToSourceFile("one.txt", System.Text.Encoding.UTF8.GetBytes("\n" + sentence + "\n"))
            .Replace("sector_figures.csv", "800000000,,usd,estimate,over,src-one,DePIN surpassed $800 million.",
                $"{figure},src-one,\"{sentence}\""));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task A_table_row_quoted_from_inside_is_refused()
    {
        await using var database = await ImportDatabase.CreateAsync();
        const string table = "| Project | Revenue | Note | | --- | --- | --- | | Helium | About $851,700 | fees |";

        var result = await database.ImportAsync(SeedFixture.Valid().FreezeSourceFiles()
            .AppendToSourceFile("one.txt", System.Text.Encoding.UTF8.GetBytes("\n" + table + "\n"))
            .Replace("revenue.csv", ",851700,disclosed,,src-one,Helium earned $851700 in Q3 2025.",
                ",851700,disclosed,,src-one,\"| About $851,700 | fees |\""));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("quote occurs in sources/one.txt only as a piece of a sentence or table row", error.Message);
    }

    [Theory]
    [InlineData("revenue.csv", "helium-2025q3-revenue", "id")]
    [InlineData("network_metrics.csv", "active_nodes", "metric")]
    public async Task A_key_too_long_for_the_database_to_index_is_reported_at_its_field_and_nothing_is_written(string file, string find, string column)
    {
        // 6,000 characters of the key's own shape: the database's index refused it, with no file, line or column.
        var separator = column == "metric" ? "_" : "-";
        var key = string.Join(separator, Enumerable.Repeat("abcde", 1_000));
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        var result = await database.ImportAsync(SeedFixture.Valid().Replace(file, find, key));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors).ToString();
        Assert.Matches($@"^{file.Replace(".", "\\.")}:\d+:\d+: {column} must be .*at most 100 characters.*\(5,999 characters\)'$", error);
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_huge_value_is_quoted_cut_and_the_error_still_says_what_is_allowed()
    {
        var result = await (await ImportDatabase.CreateAsync()).ImportAsync(SeedFixture.Valid().Replace("revenue.csv", ",estimate,", "," + new string('x', 100_000) + ","));

        var error = Assert.Single(result.Errors).ToString();
        Assert.Contains("unknown basis '" + new string('x', 200) + "… (100,000 characters)'; allowed: disclosed, estimate", error);
        Assert.True(error.Length < 400, $"{error.Length} characters");
    }
}
