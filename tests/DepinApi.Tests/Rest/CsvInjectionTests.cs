using System.Text;
using DepinApi.Import;
using DepinApi.Rest.Citations;
using DepinApi.Rest.Infrastructure;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Rest;

/// <summary>
/// CSV formula injection (OWASP): text cells that a spreadsheet would run as a formula go out
/// with a leading single quote and quoted; numbers, dates and other text go out as they are.
/// Project names are third-party text, and every citation starts with one.
/// </summary>
public class CsvInjectionTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+41 22", "\"'+41 22\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\r=x", "\"'\r=x\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("\n=x", "\"'\n=x\"")]
    // Full-width signs, which spreadsheets in East Asian locales take for the ASCII ones.
    [InlineData("\uFF1D1+1", "\"'\uFF1D1+1\"")]
    [InlineData("\uFF0B1", "\"'\uFF0B1\"")]
    [InlineData("\uFF0D1", "\"'\uFF0D1\"")]
    [InlineData("\uFF20SUM(A1)", "\"'\uFF20SUM(A1)\"")]
    // White space before a sign, which some spreadsheets trim on import: a space, a no-break space, an em space.
    [InlineData(" =1+1", "\"' =1+1\"")]
    [InlineData("\u00A0=1+1", "\"'\u00A0=1+1\"")]
    [InlineData("\u2003 @x", "\"'\u2003 @x\"")]
    [InlineData("  Helium", "  Helium")]
    [InlineData(" ", " ")]
    [InlineData("Helium, 2026", "\"Helium, 2026\"")]
    [InlineData("Helium = HNT", "Helium = HNT")]
    [InlineData("", "")]
    public void Text_that_starts_like_a_formula_is_neutralised(string text, string field)
    {
        Assert.Equal(field, Field(text));
        // A permalink or citation written in place (a price's) is text like any other.
        Assert.Equal(field, Field(FigureText.Of(text)));
    }

    [Fact]
    public void Numbers_dates_and_booleans_stay_what_they_are()
    {
        Assert.Equal("-12.5", Field(-12.5m));
        Assert.Equal("-3", Field(-3));
        Assert.Equal("2026-06-01", Field(new DateOnly(2026, 6, 1)));
        Assert.Equal("true", Field(true));
        Assert.Equal("", Field(null));
    }

    [Fact]
    public async Task Hostile_seed_text_reaches_a_spreadsheet_as_text_and_json_unchanged()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var seed = HostileSeed();
        await using (var admin = NpgsqlDataSource.Create(connectionString))
        {
            var result = await new SeedImporter(admin).ImportAsync(seed, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
        await using var factory = new ApiFactory(connectionString, RestApiFixture.Settings);
        using var client = factory.CreateClient();

        var figure = Row(await client.GetStringAsync("/v1/revenue/aethir-2025q2-quarterly-revenue?format=csv"));
        var price = Row(await client.GetStringAsync("/v1/token-prices/helium-2026-06-01-price?format=csv"));
        var series = await client.GetStringAsync("/v1/projects/helium/token-prices?format=csv");
        var json = await client.GetStringAsync("/v1/revenue/aethir-2025q2-quarterly-revenue");
        var priceJson = await client.GetStringAsync("/v1/token-prices/helium-2026-06-01-price");

        Assert.Equal("'=HYPERLINK(\"http://attacker.example\",\"Click\") $32.7 million", figure["quote"]);
        Assert.StartsWith("'@Aethir revenue, Q2 2025", figure["citation"]);
        Assert.Equal("32700000", figure["amountUsd"]);
        Assert.Equal("-0.7855", price["change1y"]);
        Assert.Equal("2026-06-01", price["date"]);
        // A price's citation is written in place (FigureText), in the export of one figure and of the whole series.
        Assert.StartsWith("'=Helium (HNT) token price, as of June 1, 2026", price["citation"]);
        Assert.Contains(",\"'=Helium (HNT) token price, as of June 1, 2026", series);
        Assert.Contains("\"citation\":\"=Helium (HNT) token price", priceJson);
        Assert.Contains("\"quote\":\"=HYPERLINK(", json);
        Assert.Contains("\"citation\":\"@Aethir revenue", json);
    }

    [Fact]
    public void The_export_writer_writes_records_byte_for_byte_as_the_field_rules_say()
    {
        object?[] values = ["Zürich “quoted” \"x\"\r\nnext", 0.70000m, new DateOnly(1970, 1, 1), null, "=x", new string('é', 70_000), true,
            FigureText.Of("@y, \"z\""), FigureText.Of(new string('ü', 3_000))];
        var expected = new StringBuilder();
        using var writer = new CsvUtf8Writer();
        for (var record = 0; record < 3; record++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) expected.Append(',');
                CsvText.AppendField(expected, values[i]);
                writer.WriteField(values[i]);
            }
            expected.Append(CsvText.LineBreak);
            writer.EndRecord();
        }

        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(writer.Pending.Span));
    }

    private static string Field(object? value)
    {
        var line = new StringBuilder();
        CsvText.AppendField(line, value);
        // Exports encode straight to UTF-8 (CsvUtf8Writer): the same field, byte for byte.
        using var writer = new CsvUtf8Writer();
        writer.WriteField(value);
        Assert.Equal(line.ToString(), Encoding.UTF8.GetString(writer.Pending.Span));
        return line.ToString();
    }

    private static Dictionary<string, string> Row(string csv)
    {
        var document = CsvReader.Read(csv, "response.csv");
        Assert.Empty(document.Errors);
        var header = document.Records[0].Fields.Select(f => f.Value).ToList();
        var values = document.Records[1].Fields.Select(f => f.Value).ToList();
        return header.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    // The repository's seed with Aethir's name and one quote (and the article it is quoted from) rewritten by an attacker.
    private static string HostileSeed()
    {
        var directory = SeedDataCopy.InNewTemporaryFolder("depin-csv-injection-");
        SeedDataCopy.AddToArticle(directory, "004_0d4ccd866ea6cb5b.txt", "=HYPERLINK(\"http://attacker.example\",\"Click\") $32.7 million");
        Rewrite(Path.Combine(directory, "revenue.csv"),
            "blockeden-early-2026,\"The quarterly growth trajectory was steep and consistent: $28.5 million in Q1, $32.7 million in Q2 (up 14.5%), and $39.9 million in Q3 (up 22%).\"",
            "blockeden-early-2026,\"=HYPERLINK(\"\"http://attacker.example\"\",\"\"Click\"\") $32.7 million\"", "aethir-2025q2-quarterly-revenue,");
        Rewrite(Path.Combine(directory, "projects.csv"), "aethir,Aethir,", "aethir,@Aethir,", null);
        Rewrite(Path.Combine(directory, "projects.csv"), "helium,Helium,", "helium,=Helium,", null);
        return directory;
    }

    private static void Rewrite(string path, string from, string to, string? onLineStarting)
    {
        var lines = File.ReadAllLines(path);
        var changed = 0;
        for (var i = 0; i < lines.Length; i++)
            if ((onLineStarting is null || lines[i].StartsWith(onLineStarting, StringComparison.Ordinal)) && lines[i].Contains(from, StringComparison.Ordinal))
            {
                lines[i] = lines[i].Replace(from, to, StringComparison.Ordinal);
                changed++;
            }
        Assert.Equal(1, changed);
        File.WriteAllLines(path, lines);
    }
}
