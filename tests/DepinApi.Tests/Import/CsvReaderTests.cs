using DepinApi.Import;

namespace DepinApi.Tests.Import;

public class CsvReaderTests
{
    private static CsvDocument Read(string text) => CsvReader.Read(text, "test.csv");

    private static string[][] Values(CsvDocument document) =>
        document.Records.Select(r => r.Fields.Select(f => f.Value).ToArray()).ToArray();

    [Fact]
    public void Quoted_fields_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        var document = Read("a,\"b, \"\"c\"\"\r\nd\"\r\ne,f\r\n");
        Assert.Empty(document.Errors);
        Assert.Equal([["a", "b, \"c\"\nd"], ["e", "f"]], Values(document));
        Assert.Equal(3, document.Records[1].Line);
    }

    [Fact]
    public void Every_field_knows_the_line_and_column_where_it_starts()
    {
        var document = Read("id,name\nx,\"two\nlines\",z\n");
        var fields = document.Records[1].Fields;
        Assert.Equal([(2, 1), (2, 3), (3, 8)], fields.Select(f => (f.Line, f.Column)));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_not_counted_as_a_column()
    {
        var document = Read("\uFEFFid,name\n");
        Assert.Equal(["id", "name"], Values(document)[0]);
        Assert.Equal(4, document.Records[0].Fields[1].Column);
    }

    [Fact]
    public void LF_CRLF_and_CR_all_end_records_and_blank_lines_are_ignored()
    {
        var document = Read("a\nb\r\nc\rd\n\n\r\ne");
        Assert.Equal([["a"], ["b"], ["c"], ["d"], ["e"]], Values(document));
        Assert.Equal(7, document.Records[4].Line);
    }

    [Fact]
    public void A_trailing_comma_makes_an_empty_last_field()
    {
        Assert.Equal([["a", "b", ""]], Values(Read("a,b,\n")));
    }

    [Fact]
    public void A_trailing_comma_at_the_very_end_of_the_file_makes_an_empty_last_field()
    {
        // The last line of a file need not end with a line break; its empty last field is still a field.
        Assert.Equal([["h1", "h2"], ["a", ""]], Values(Read("h1,h2\na,")));
    }

    [Fact]
    public void A_character_outside_the_BMP_counts_as_one_column()
    {
        var document = Read("\U0001F600,x\n");
        Assert.Equal(3, document.Records[0].Fields[1].Column);
    }

    [Fact]
    public void The_end_of_a_record_is_where_a_missing_field_would_start()
    {
        var record = Read("ab,cd").Records[0];
        Assert.False(record.EndsWithLineBreak);
        Assert.Equal((1, 6), (record.EndLine, record.EndColumn));
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_reported_where_the_field_starts()
    {
        var document = Read("a,b\nc,\"open\nstill open");
        Assert.Equal(["test.csv:2:3: file is truncated: this quoted field is never closed"], document.Errors.Select(e => e.ToString()));
        Assert.True(document.Records[1].HasUnclosedQuote);
    }

    [Fact]
    public void Stray_quotes_are_reported_where_they_stand()
    {
        var document = Read("ab\"c,\"d\"e\n");
        Assert.Equal(
            [
                "test.csv:1:3: quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                "test.csv:1:9: unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")",
            ],
            document.Errors.Select(e => e.ToString()));
    }
}
