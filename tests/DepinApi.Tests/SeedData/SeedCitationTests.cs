using System.Globalization;
using System.Text.RegularExpressions;
using DepinApi.Import;
using DepinApi.ReadModel;
using DepinApi.Rest.Citations;

namespace DepinApi.Tests.SeedData;

/// <summary>
/// The citation of every seed figure, written by the API's own citation builder, keeps its source's words: the number
/// as the quote writes it ("$2.0463", "$3.5 trillion", "10x", "doubling"), its qualifier, a fall as a fall, readable
/// metric names, and no period the source does not give.
/// </summary>
public class SeedCitationTests
{
    private const string Permalink = "https://api.example.org/v1/figure?asOf=1";

    public static TheoryData<string> CitedFiles =>
        new(SeedSchema.Revenue, SeedSchema.SettlementMix, SeedSchema.TokenPrices, SeedSchema.NetworkMetrics, SeedSchema.SectorFigures);

    [Theory]
    [MemberData(nameof(CitedFiles))]
    public void Every_figure_is_cited_with_its_numbers_as_the_quote_writes_them(string file)
    {
        var failures = new List<string>();
        var table = SeedFiles.Load(file);
        foreach (var row in table.Rows)
        {
            var statement = Statement(Cite(file, row));
            var spellings = QuoteNumbers.Spellings(row["quote"]);
            var stated = QuoteNumbers.Extract(statement);
            foreach (var (column, kind) in SeedSchema.NumericColumns(file, row))
            {
                if (row[column].Length == 0)
                    continue;
                var value = SeedSchema.Decimal(row[column]);
                if (!stated.Contains(new QuoteNumber(value, kind)))
                    failures.Add($"{row}: {column} {value} is not stated exactly in \"{statement}\"");
                var written = spellings.Where(s => s.Number == new QuoteNumber(value, kind)).Select(s => s.Text).Distinct().ToList();
                if (!written.Any(w => statement.Contains(w, StringComparison.OrdinalIgnoreCase)))
                    failures.Add($"{row}: {column} is written [{string.Join(" | ", written)}] in the quote, not so in \"{statement}\"");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(CitedFiles))]
    public void Every_citation_reads_as_prose_with_the_sources_qualifier(string file)
    {
        var failures = new List<string>();
        foreach (var row in SeedFiles.Load(file).Rows)
        {
            var citation = Cite(file, row);
            var statement = Statement(citation);
            if (Regex.IsMatch(statement, @"\w_\w"))
                failures.Add($"{row}: a snake_case name in \"{statement}\"");
            if (Regex.IsMatch(statement, @"\b(?:over|about|nearly|up to|more than|under)\s+[-−]"))
                failures.Add($"{row}: a qualifier on a negative number in \"{statement}\" (a fall reads \"down more than 90%\")");
            var words = row["qualifier"] switch
            {
                "about" => ["about"],
                "nearly" => ["nearly"],
                "up_to" => ["up to"],
                "over" => ["over", "more than", "or more"],
                _ => Array.Empty<string>(),
            };
            if (words.Length > 0 && !words.Any(w => statement.Contains(w, StringComparison.Ordinal)))
                failures.Add($"{row}: qualifier {row["qualifier"]} is not read in \"{statement}\"");
            if (!citation.EndsWith(" " + Permalink, StringComparison.Ordinal))
                failures.Add($"{row}: the citation does not end with the permalink");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(CitedFiles))]
    public void A_figure_the_source_does_not_date_is_cited_as_reported_then(string file)
    {
        var failures = new List<string>();
        foreach (var row in SeedFiles.Load(file).Rows)
        {
            var source = SourceOf(row);
            var period = file is "network_metrics.csv" or "sector_figures.csv" ? row["period"] : null;
            var statement = Statement(Cite(file, row));
            // An undated article's figures carry its year as their period (seed-data/README.md, rule 4): not a date the source gives.
            if (period is not null && source.PublishedOn is null && period.Length == 4
                && source.PublishedLabel.Contains(period, StringComparison.Ordinal))
            {
                if (!statement.Contains("as reported in " + source.PublishedLabel, StringComparison.Ordinal))
                    failures.Add($"{row}: undated, but cited as \"{statement}\"");
            }
            // A rate (annualized, monthly) is as of its quarter, never a total over it.
            if (file == SeedSchema.Revenue && (row["metric"].StartsWith("annualized", StringComparison.Ordinal) || row["metric"] == "monthly_volume")
                && !statement.Contains("as of Q", StringComparison.Ordinal))
                failures.Add($"{row}: a rate cited as a quarter's total: \"{statement}\"");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("render-2026-06-01-price", "Render Network (RENDER) token price, as of June 1, 2026: $2.0463; down 47.98% over one year (disclosed).")]
    [InlineData("aethir-2026q1-compute-capacity-multiple-target", "Aethir compute capacity target, Q1 2026: more than doubling (disclosed).")]
    [InlineData("depin-compute-2026-emissions-to-revenue-multiple", "DePIN compute networks' token emissions as a multiple of demand-generated revenue in dozens of projects, as reported in early 2026: 10x or more (estimate).")]
    [InlineData("depin-2028-projected-market-size", "DePIN projected market size, 2028: $3.5 trillion (estimate).")]
    [InlineData("depin-2026-06-01-top5-worst-token-decline-from-peak", "DePIN worst token decline from peak among the top five projects, as of June 1, 2026: down more than 90% (disclosed).")]
    [InlineData("io-net-2025-10-monthly-volume", "io.net monthly transaction volume, as of Q4 2025: $12 million (disclosed).")]
    [InlineData("akash-2026-usage-growth-yoy", "Akash Network year-over-year usage growth, as reported in early 2026: 428% (disclosed).")]
    public void The_issues_examples_read_as_their_sources(string id, string start)
    {
        var (file, row) = SeedCitationFiles().SelectMany(f => SeedFiles.Load(f).Rows.Select(r => (f, r))).Single(x => x.r.Id == id);

        Assert.StartsWith(start, Cite(file, row));
    }

    private static IEnumerable<string> SeedCitationFiles() =>
        [SeedSchema.Revenue, SeedSchema.SettlementMix, SeedSchema.TokenPrices, SeedSchema.NetworkMetrics, SeedSchema.SectorFigures];

    /// <summary>The citation's own statement, before the basis and the source (whose title has numbers of its own).</summary>
    private static string Statement(string citation)
    {
        var end = Regex.Match(citation, @" \((?:disclosed|estimate)\)\. ");
        Assert.True(end.Success, $"no basis in \"{citation}\"");
        return citation[..end.Index];
    }

    private static string Cite(string file, SeedRow row)
    {
        var source = SourceOf(row);
        var name = SeedFiles.Load(SeedSchema.Projects).Rows.ToDictionary(r => r["slug"], r => r["name"]);
        string? Text(string column) => row[column].Length == 0 ? null : row[column];
        decimal? Number(string column) => row[column].Length == 0 ? null : SeedSchema.Decimal(row[column]);
        return file switch
        {
            "revenue.csv" => Citation.Revenue(new RevenueFigure(row.Id, row["project"], ParseQuarter(row["quarter"]), row["metric"],
                SeedSchema.Decimal(row["amount_usd"]), row["basis"], Text("qualifier"), source, row["quote"]), name[row["project"]], Permalink),
            "settlement_mix.csv" => Citation.SettlementMix(new SettlementMix(row.Id, row["project"], Day(row["as_of"]),
                Number("stablecoin_share"), Number("native_share"), Text("label"), row["basis"], Text("qualifier"), source, row["quote"]),
                name[row["project"]], Permalink),
            "token_prices.csv" => Citation.TokenPrice(new TokenPrice(row.Id, row["project"], row["token_symbol"], Day(row["date"]),
                Number("price_usd"), Number("change_30d"), Number("change_90d"), Number("change_1y"), Text("qualifier"), source, row["quote"]),
                name[row["project"]], Permalink),
            "network_metrics.csv" => Citation.NetworkMetric(new NetworkMetric(row.Id, row["project"], row["period"], default, default,
                row["metric"], SeedSchema.Decimal(row["value"]), Number("value_max"), row["unit"], row["basis"], Text("qualifier"), source,
                row["quote"]), name[row["project"]], Permalink),
            _ => Citation.SectorFigure(new SectorFigure(row.Id, row["scope"], row["period"], default, default, row["metric"],
                SeedSchema.Decimal(row["value"]), Number("value_max"), row["unit"], row["basis"], Text("qualifier"), source, row["quote"]),
                Permalink),
        };
    }

    private static Source SourceOf(SeedRow row)
    {
        var s = SeedFiles.Load(SeedSchema.Sources).Rows.Single(r => r["id"] == row["source"]);
        return new Source(s["id"], s["publisher"], s["title"], s["published_on"].Length == 0 ? null : Day(s["published_on"]),
            s["published_label"], s["kind"], s["url"].Length == 0 ? null : s["url"]);
    }

    private static Quarter ParseQuarter(string text) =>
        Quarter.TryParse(text, out var quarter) ? quarter : throw new FormatException($"not a quarter: {text}");

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
