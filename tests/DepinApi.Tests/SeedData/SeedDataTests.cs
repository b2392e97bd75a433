namespace DepinApi.Tests.SeedData;

/// <summary>Checks the CSV files of seed-data/ against docs/data-model.md and the source articles, without a database.</summary>
public class SeedDataTests
{
    // Deliberately exact: removing or adding a figure must come with an edit here.
    public static TheoryData<string, int> ExpectedRowCounts => new()
    {
        { SeedSchema.Sources, 3 },
        { SeedSchema.Projects, 7 },
        { SeedSchema.Revenue, 19 },
        { SeedSchema.SettlementMix, 4 },
        { SeedSchema.TokenPrices, 8 },
        { SeedSchema.NetworkMetrics, 26 },
        { SeedSchema.SectorFigures, 9 },
        { SeedSchema.Evidence, 17 },
    };

    public static TheoryData<string> AllFiles => new(SeedSchema.AllFiles);

    public static TheoryData<string> FigureFiles => new(SeedSchema.FigureFiles);

    private static SeedTable Sources => SeedFiles.Load(SeedSchema.Sources);

    private static SeedTable Projects => SeedFiles.Load(SeedSchema.Projects);

    private static string? ReadSeedFile(string name)
    {
        var path = Path.Combine(SeedFiles.SourcesDirectory, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    [Theory]
    [MemberData(nameof(ExpectedRowCounts))]
    public void Row_count_is_exactly_as_expected(string file, int expected)
    {
        Assert.Equal(expected, SeedFiles.Load(file).Rows.Count);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Header_is_the_documented_one(string file)
    {
        Assert.Equal(SeedSchema.Columns[file], SeedFiles.Load(file).Header);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Ids_are_unique_and_well_formed(string file)
    {
        var table = SeedFiles.Load(file);
        var ids = table.Rows.Select(r => r.Id).ToList();
        Assert.All(ids, id => Assert.Matches(SeedSchema.Id(), id));
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Required_fields_are_filled_and_no_field_has_stray_whitespace(string file)
    {
        var table = SeedFiles.Load(file);
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            failures.AddRange(SeedSchema.Required[file].Where(c => row[c].Length == 0).Select(c => $"{row}: {c} is empty"));
            failures.AddRange(row.Fields.Where(f => f.Value != f.Value.Trim()).Select(f => $"{row}: {f.Key} has leading or trailing whitespace"));
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Every_quote_is_verbatim_in_its_source(string file)
    {
        Assert.Empty(SeedChecks.QuotesNotInSource(SeedFiles.Load(file), Sources, ReadSeedFile));
    }

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Project_and_source_references_exist(string file)
    {
        var slugs = Projects.Rows.Select(r => r["slug"]).ToHashSet();
        var sourceIds = Sources.Rows.Select(r => r["id"]).ToHashSet();
        var table = SeedFiles.Load(file);
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            if (!sourceIds.Contains(row["source"]))
                failures.Add($"{row}: unknown source '{row["source"]}'");
            if (row.Fields.ContainsKey("project") && !slugs.Contains(row["project"]))
                failures.Add($"{row}: unknown project '{row["project"]}'");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Sources_are_well_formed_and_their_seed_files_exist()
    {
        var failures = new List<string>();
        foreach (var row in Sources.Rows)
        {
            if (!SeedSchema.SourceKinds.Contains(row["kind"]))
                failures.Add($"{row}: kind '{row["kind"]}'");
            if (row["published_on"].Length > 0 && !SeedSchema.IsDate(row["published_on"]))
                failures.Add($"{row}: published_on '{row["published_on"]}'");
            if (row["seed_file"] != Path.GetFileName(row["seed_file"]) || ReadSeedFile(row["seed_file"]) is null)
                failures.Add($"{row}: seed_file '{row["seed_file"]}' is not a file in seed-data/sources/");
            if (row["url"].Length > 0 && !Uri.TryCreate(row["url"], UriKind.Absolute, out _))
                failures.Add($"{row}: url '{row["url"]}'");
        }
        Assert.Empty(failures);

        // A seed file nobody cites as a source is a figure trail that leads nowhere.
        var listed = Sources.Rows.Select(r => r["seed_file"]).ToHashSet();
        var onDisk = Directory.GetFiles(SeedFiles.SourcesDirectory).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(listed.Order(), onDisk.Order()!);
    }

    [Fact]
    public void Projects_are_well_formed()
    {
        var failures = new List<string>();
        foreach (var row in Projects.Rows)
        {
            if (!SeedSchema.Sectors.Contains(row["sector"]))
                failures.Add($"{row}: sector '{row["sector"]}'");
            if (row["website"].Length > 0 && !Uri.TryCreate(row["website"], UriKind.Absolute, out _))
                failures.Add($"{row}: website '{row["website"]}'");
            if (row["token_symbol"].Any(char.IsLower))
                failures.Add($"{row}: token_symbol '{row["token_symbol"]}' is not upper-case");
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(FigureFiles))]
    public void Enumerations_formats_and_qualifiers_are_valid(string file)
    {
        var table = SeedFiles.Load(file);
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            void Check(bool ok, string what)
            {
                if (!ok) failures.Add($"{row}: {what}");
            }

            if (row.Fields.TryGetValue("basis", out var basis))
                Check(SeedSchema.Bases.Contains(basis), $"basis '{basis}'");
            if (row.Fields.TryGetValue("qualifier", out var qualifier))
                Check(SeedSchema.Qualifiers.Contains(qualifier), $"qualifier '{qualifier}'");
            if (row.Fields.TryGetValue("quarter", out var quarter))
                Check(SeedSchema.Quarter().IsMatch(quarter), $"quarter '{quarter}'");
            if (row.Fields.TryGetValue("period", out var period))
                Check(SeedSchema.Period().IsMatch(period), $"period '{period}'");
            if (row.Fields.TryGetValue("metric", out var metric))
                Check(SeedSchema.MetricName().IsMatch(metric), $"metric '{metric}' is not snake_case");
            if (row.Fields.TryGetValue("unit", out var unit))
                Check(SeedSchema.Units.Contains(unit), $"unit '{unit}'");
            if (row.Fields.TryGetValue("scope", out var scope))
                Check(SeedSchema.Scopes.Contains(scope), $"scope '{scope}'");
            if (file == SeedSchema.Evidence)
                Check(SeedSchema.EvidenceLabels.TryGetValue(row["kind"], out var labels) && labels.Contains(row["label"]),
                    $"evidence kind '{row["kind"]}' with label '{row["label"]}'");

            foreach (var (column, _) in SeedSchema.NumericColumns(file, row))
                Check(row[column].Length == 0 || SeedSchema.PlainDecimal().IsMatch(row[column]), $"{column} '{row[column]}' is not a plain decimal");

            if (file == SeedSchema.Revenue)
            {
                Check(SeedSchema.RevenueMetrics.Contains(row["metric"]), $"revenue metric '{row["metric"]}'");
                Check(row["metric"] != "fiscal_year_revenue" || row["quarter"].EndsWith("Q4", StringComparison.Ordinal),
                    "a fiscal-year figure sits in the fourth quarter");
                Check(row["qualifier"] != "range", "revenue has no value_max for a range");
            }

            if (file is SeedSchema.NetworkMetrics or SeedSchema.SectorFigures)
            {
                var isRange = row["qualifier"] == "range";
                Check(isRange == (row["value_max"].Length > 0), "value_max is given exactly when qualifier is 'range'");
                if (isRange && SeedSchema.PlainDecimal().IsMatch(row["value"]) && SeedSchema.PlainDecimal().IsMatch(row["value_max"]))
                    Check(SeedSchema.Decimal(row["value"]) < SeedSchema.Decimal(row["value_max"]), "value < value_max");
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Settlement_rows_give_a_share_or_a_label_never_neither()
    {
        var failures = new List<string>();
        foreach (var row in SeedFiles.Load(SeedSchema.SettlementMix).Rows)
        {
            var stable = row["stablecoin_share"];
            var native = row["native_share"];
            var label = row["label"];
            if (!SeedSchema.IsDate(row["as_of"]))
                failures.Add($"{row}: as_of '{row["as_of"]}'");
            if (!SeedSchema.SettlementLabels.Contains(label))
                failures.Add($"{row}: label '{label}'");
            if (stable.Length == 0 && native.Length == 0 && label.Length == 0)
                failures.Add($"{row}: neither a share nor a label");
            var shares = new[] { stable, native }.Where(s => s.Length > 0).Select(SeedSchema.Decimal).ToList();
            if (shares.Any(s => s is < 0m or > 1m) || shares.Sum() > 1m)
                failures.Add($"{row}: shares must be fractions 0..1 summing to at most 1");
            if (label.Length > 0 && row["qualifier"].Length > 0)
                failures.Add($"{row}: a label row has no qualifier");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Token_price_rows_carry_a_figure_and_the_project_token()
    {
        var symbolOf = Projects.Rows.ToDictionary(r => r["slug"], r => r["token_symbol"]);
        var failures = new List<string>();
        foreach (var row in SeedFiles.Load(SeedSchema.TokenPrices).Rows)
        {
            var figures = new[] { "price_usd", "change_30d", "change_90d", "change_1y" }.Count(c => row[c].Length > 0);
            if (!SeedSchema.IsDate(row["date"]))
                failures.Add($"{row}: date '{row["date"]}'");
            if (figures == 0)
                failures.Add($"{row}: neither a price nor a change");
            if (row["qualifier"].Length > 0 && figures != 1)
                failures.Add($"{row}: a qualified row holds exactly one figure");
            if (row["qualifier"] == "range")
                failures.Add($"{row}: token prices have no range");
            if (row["price_usd"].Length > 0 && SeedSchema.Decimal(row["price_usd"]) <= 0m)
                failures.Add($"{row}: price must be positive");
            if (symbolOf.TryGetValue(row["project"], out var symbol) && symbol != row["token_symbol"])
                failures.Add($"{row}: token_symbol '{row["token_symbol"]}' but the project's token is '{symbol}'");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Spot_values_are_intact()
    {
        var revenue = ById(SeedSchema.Revenue);
        var q2 = revenue["aethir-2025q2-quarterly-revenue"];
        Assert.Equal(("aethir", "2025Q2", "quarterly_revenue", 32_700_000m, "disclosed", ""),
            (q2["project"], q2["quarter"], q2["metric"], SeedSchema.Decimal(q2["amount_usd"]), q2["basis"], q2["qualifier"]));

        var table = revenue["helium-2026q2-annualized-external-revenue-table"];
        Assert.Equal((520_000_000m, "about"), (SeedSchema.Decimal(table["amount_usd"]), table["qualifier"]));
        var narrative = revenue["helium-2026q2-annualized-external-revenue-narrative"];
        Assert.Equal((500_000_000m, "over"), (SeedSchema.Decimal(narrative["amount_usd"]), narrative["qualifier"]));
        Assert.Equal(851_700m, SeedSchema.Decimal(revenue["akash-2025q3-lease-income"]["amount_usd"]));

        var price = ById(SeedSchema.TokenPrices)["helium-2026-06-01-price"];
        Assert.Equal(("HNT", "2026-06-01", 0.7277m, -0.7855m),
            (price["token_symbol"], price["date"], SeedSchema.Decimal(price["price_usd"]), SeedSchema.Decimal(price["change_1y"])));

        var akash = ById(SeedSchema.SettlementMix)["akash-2026-06-01-settlement-mix"];
        Assert.Equal((0.55m, "about"), (SeedSchema.Decimal(akash["stablecoin_share"]), akash["qualifier"]));

        var aiShare = ById(SeedSchema.NetworkMetrics)["render-2026-ai-inference-share-of-jobs"];
        Assert.Equal((0.35m, 0.40m, "range"),
            (SeedSchema.Decimal(aiShare["value"]), SeedSchema.Decimal(aiShare["value_max"]), aiShare["qualifier"]));

        var onchain = ById(SeedSchema.SectorFigures)["depin-2025-onchain-revenue"];
        Assert.Equal((72_000_000m, "2025", "estimate"), (SeedSchema.Decimal(onchain["value"]), onchain["period"], onchain["basis"]));
    }

    private static Dictionary<string, SeedRow> ById(string file) => SeedFiles.Load(file).Rows.ToDictionary(r => r.Id);
}
