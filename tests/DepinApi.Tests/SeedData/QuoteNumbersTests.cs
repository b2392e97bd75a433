using System.Globalization;
using DepinApi.Import;

namespace DepinApi.Tests.SeedData;

/// <summary>Tests of the checker itself: it must accept the ways prose writes a figure and reject near misses.</summary>
public class QuoteNumbersTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("About $520 million", "520000000")]
    [InlineData("$1.5 billion", "1500000000")]
    [InlineData("more than 1.5 billion compute hours", "1500000000")]
    [InlineData("$3.5 trillion DePIN market", "3500000000000")]
    [InlineData("$28.5 million in Q1", "28500000")]
    [InlineData("440,000+ GPU containers", "440000")]
    [InlineData("$851,700 in lease income", "851700")]
    [InlineData("NAVIR's $7 million+ exit", "7000000")]
    [InlineData("200+ locations", "200")]
    [InlineData("priced at $0.7277, down", "0.7277")]
    [InlineData("| 0.001804 | -93.05% |", "0.001804")]
    [InlineData("by 10x or more", "10")]
    [InlineData("more than doubling its compute capacity", "2")]
    [InlineData("a run rate of $4.2M", "4200000")]
    [InlineData("raised $1.5bn in total", "1500000000")]
    [InlineData("a $500K grant", "500000")]
    [InlineData("$2.5m of fees", "2500000")]
    [InlineData("$4.4 M of fees", "4400000")]
    [InlineData("$1.7 bn in total", "1700000000")]
    [InlineData("$4.5MM in fees", "4500000")]
    [InlineData("deploy $10-12 million into hotspots", "10000000")] // a range's scale belongs to both ends
    [InlineData("deploy $10-12 million into hotspots", "12000000")]
    [InlineData("$13 to $15 million", "13000000")]
    [InlineData("between 3 and 4 million hotspots", "3000000")]
    [InlineData("Users were 5 or 6 million.", "5000000")]
    [InlineData("1\u202F200\u202F004 sessions", "1200004")] // thousands grouped by narrow no-break spaces
    [InlineData("$5M-$7M in fees", "5000000")] // both ends abbreviated
    [InlineData("$5M-$7M in fees", "7000000")]
    [InlineData("$5 million-$7 million in fees", "7000000")]
    [InlineData("US$5 million in fees", "5000000")]
    [InlineData("USD 5 million in fees", "5000000")]
    public void Reads_numbers(string quote, string expected)
    {
        Assert.True(QuoteNumbers.Appears(quote, D(expected), FigureKind.Number), string.Join(", ", QuoteNumbers.Extract(quote)));
    }

    [Theory]
    [InlineData("settles about 70% of fees", "0.70")]
    [InlineData("| 0.7277 | -78.55% |", "-0.7855")]
    [InlineData("Helium is priced at $0.7277, down 78.55% over the past year.", "-0.7855")]
    [InlineData("has fallen to $0.001804, evaporating 93.05% in a year", "-0.9305")]
    [InlineData("aims to reduce circulating supply by 50%", "-0.50")]
    [InlineData("has risen 120.82% in the past 90 days", "1.2082")]
    [InlineData("a 375% compound annual growth rate", "3.75")]
    [InlineData("comprising 35-40% of total job volume", "0.35")]
    [InlineData("comprising 35-40% of total job volume", "0.40")]
    [InlineData("($32.7 million in Q2 (up 14.5%)", "0.145")]
    [InlineData("exceed demand-generated revenue by 10x or more", "10")]
    [InlineData("more than doubling its compute capacity", "2")]
    [InlineData("Paid sessions decreased 26% in May", "-0.26")]
    [InlineData("Paid sessions slumped 26% in May", "-0.26")]
    [InlineData("Paid sessions were 26% lower in May", "-0.26")]
    [InlineData("Prices fell while usage rose 28%.", "0.28")] // the nearer change word decides
    [InlineData("Its stablecoin share fell to 31% in May.", "0.31")] // the level it fell to
    [InlineData("uptime of 91%-97% on new sites", "0.91")]
    [InlineData("uptime of 91%-97% on new sites", "0.97")]
    [InlineData("grew 15× in a year", "15")]
    [InlineData("Prices fell 91%-97% from the peak.", "-0.97")]
    [InlineData("Share fell from 50% to 41%.", "0.50")]
    [InlineData("Margin saw a 29% drop.", "-0.29")]
    [InlineData("Costs fell and now 40% of users pay.", "0.40")]
    [InlineData("prices fell \u201316%", "-0.16")]
    public void Reads_percentages_as_signed_fractions(string quote, string expected)
    {
        Assert.True(QuoteNumbers.Appears(quote, D(expected), FigureKind.Percent), string.Join(", ", QuoteNumbers.Extract(quote)));
    }

    [Theory]
    [InlineData("$32.7 million in Q2", "32800000", false)] // a typo in a digit
    [InlineData("$127.8 million in revenue", "127.8", false)] // unit left out
    [InlineData("$127.8 million in revenue", "127000000", false)]
    [InlineData("down 78.55% over the past year", "0.7855", true)] // sign lost
    [InlineData("| 0.7277 | -78.55% |", "0.7855", true)]
    [InlineData("has risen 120.82% in the past 90 days", "-1.2082", true)]
    [InlineData("settles about 70% of fees", "70", false)] // a percentage is not a count
    [InlineData("settles about 70% of fees", "0.07", true)]
    [InlineData("comprising 35-40% of total job volume", "-0.40", true)] // a range dash is no minus
    [InlineData("Helium's 5G users", "5", false)] // names are not figures
    [InlineData("NVIDIA GB200 GPUs", "200", false)]
    [InlineData("$28.5 million in Q1", "1", false)]
    [InlineData("by 10x or more", "0.10", true)] // a multiple is not a percentage
    [InlineData("reaching 27,000", "270", true)]
    [InlineData("models such as Qwen3-Next-80B-A3B", "80000000000", false)] // an abbreviation without "$" is a name
    [InlineData("models such as Qwen3-Next-80B-A3B", "80", false)]
    [InlineData("a run rate of $4.2M", "4.2", false)]
    [InlineData("Paid sessions decreased 26% in May", "0.26", true)] // a fall read as a rise
    [InlineData("Prices fell while usage rose 28%.", "-0.28", true)]
    [InlineData("Its stablecoin share fell to 31% in May.", "-0.31", true)]
    [InlineData("uptime of 91%-97% on new sites", "-0.97", true)]
    [InlineData("deploy $10-12 million into hotspots", "10", false)] // a range's end without its scale
    [InlineData("$13 to $15 million", "13", false)]
    [InlineData("between 3 and 4 million hotspots", "3", false)]
    [InlineData("$4.4 M of fees", "4.4", false)]
    [InlineData("$4.5MM in fees", "4", false)]
    [InlineData("COVID-19 hit demand", "19", false)] // a number joined to a name by a hyphen is part of it
    [InlineData("GPT-4 raised it", "4", false)]
    [InlineData("1,5 million users", "1", false)] // a decimal comma's pieces are no figures
    [InlineData("1,5 million users", "5000000", false)]
    [InlineData("12,34 and 56", "12", false)]
    [InlineData("Revenue rose from $2 in 2024 to $3 million.", "2024000000", false)] // a year is no range's end
    [InlineData("Users grew from 12 in 2023 to 5 million in 2026.", "2023000000", false)]
    [InlineData("Prices fell 91%-97% from the peak.", "0.97", true)] // a fall's range falls
    [InlineData("Share fell from 50% to 41%.", "-0.50", true)] // the level it fell from
    [InlineData("Margin saw a 29% drop.", "0.29", true)]
    [InlineData("Costs fell and now 40% of users pay.", "-0.40", true)] // another clause's change word
    [InlineData("Prices fell, and 40% of holders sold.", "-0.40", true)]
    [InlineData("The cut-off was 15% of nodes.", "-0.15", true)]
    [InlineData("a 5-year plan", "5", false)]
    [InlineData("The 10-K filing", "10", false)]
    [InlineData("prices fell \u201316%", "0.16", true)] // an en dash as a minus sign
    public void Rejects_near_misses(string quote, string wrong, bool asPercent)
    {
        var kind = asPercent ? FigureKind.Percent : FigureKind.Number;
        Assert.False(QuoteNumbers.Appears(quote, D(wrong), kind), string.Join(", ", QuoteNumbers.Extract(quote)));
    }

    [Theory]
    [InlineData("Revenue was €5.1 million.", "5100000", true, false)] // another currency's sign
    [InlineData("Revenue was £5.1m.", "5100000", true, false)]
    [InlineData("Revenue was A$5 million.", "5000000", true, false)] // another country's dollars
    [InlineData("Revenue was GBP 3 million.", "3000000", true, false)]
    [InlineData("Revenue was 5 million euros.", "5000000", true, false)]
    [InlineData("Revenue was US$5 million.", "5000000", false, false)]
    [InlineData("Revenue was USD 5 million.", "5000000", false, false)]
    [InlineData("Revenue was 5 million USD.", "5000000", false, false)]
    [InlineData("deploy $10-12 million into hotspots", "10000000", false, true)] // a range's ends
    [InlineData("deploy $10-12 million into hotspots", "12000000", false, true)]
    [InlineData("$5M-$7M in fees", "5000000", false, true)]
    [InlineData("$13 to $15 million", "15000000", false, true)]
    [InlineData("Users were 5 or 6 million.", "6000000", false, true)]
    [InlineData("between 3 and 4 million hotspots", "4000000", false, true)]
    [InlineData("comprising 35-40% of total job volume", "0.35", false, true)]
    [InlineData("comprising between 35% and 40% of jobs", "0.40", false, true)]
    [InlineData("Revenue was 10-12 million euros.", "10000000", true, true)] // either end's currency is both ends'
    [InlineData("Revenue rose from $13 to $15 million.", "15000000", false, false)] // two levels, no range
    [InlineData("Revenue rose from $13 to $15 million.", "13000000", false, false)]
    [InlineData("Its share rose 10% to 20% in May.", "0.20", false, false)] // a change and the level it reached
    [InlineData("In 2024-2025 revenue was $5 million.", "5000000", false, false)]
    [InlineData("Revenue was $5 million and 6 million users joined.", "6000000", false, false)]
    public void Says_which_numbers_are_a_ranges_ends_or_another_currencys(string quote, string value, bool otherCurrency, bool rangeEnd)
    {
        var spelling = Assert.Single(QuoteNumbers.Spellings(quote), s => s.Number.Value == D(value));
        Assert.Equal((otherCurrency, rangeEnd), (spelling.InOtherCurrency, spelling.RangeEnd));
    }

    [Fact]
    public void Flags_a_quote_that_is_not_verbatim()
    {
        var sources = SeedFiles.Read(SeedSchema.Sources, $"""
            {string.Join(',', SeedSchema.Columns[SeedSchema.Sources])}
            s,Pub,Title,,2026,press,a.txt,
            """);
        const string article = "Helium, Akash Network, and Hivemapper are currently the top three in external revenue, collectively contributing over 85% of the track’s annualized revenue.";
        var straight = RevenueRow("x", "1", article.Replace('’', '\''), source: "s");
        var exact = RevenueRow("x", "1", article, source: "s");

        Assert.Single(SeedChecks.QuotesNotInSource(straight, sources, _ => article));
        Assert.Empty(SeedChecks.QuotesNotInSource(exact, sources, _ => article));
        Assert.Single(SeedChecks.QuotesNotInSource(exact, sources, _ => null));
    }

    private static SeedTable RevenueRow(string id, string amount, string quote, string source = "blockeden-early-2026")
    {
        var header = string.Join(',', SeedSchema.Columns[SeedSchema.Revenue]);
        var escaped = "\"" + quote.Replace("\"", "\"\"") + "\"";
        return SeedFiles.Read(SeedSchema.Revenue,
            $"{header}\n{id},aethir,2025Q2,quarterly_revenue,{amount},disclosed,,{source},{escaped}\n");
    }

    [Theory]
    [InlineData("\uFF15\uFF10\uFF10 nodes")] // fullwidth digits
    [InlineData("\u0667\u0660\u0660 nodes")] // Arabic-Indic digits
    [InlineData("\u096D\u0966\u0966 nodes")] // Devanagari digits
    [InlineData("99999999999999999999999999999999999999 nodes")] // more than a decimal holds
    public void Digits_it_cannot_read_are_no_figure_and_no_failure(string quote)
    {
        Assert.Empty(QuoteNumbers.Extract(quote));
    }
}
