using DepinApi.Import;

namespace DepinApi.Tests.Import;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-06-01", "2026-06-01", "2026-06-01")]
    [InlineData("2025-10", "2025-10-01", "2025-10-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("9999-12", "9999-12-01", "9999-12-31")]
    [InlineData("9999Q4", "9999-10-01", "9999-12-31")]
    [InlineData("2025Q1", "2025-01-01", "2025-03-31")]
    [InlineData("2025Q3", "2025-07-01", "2025-09-30")]
    [InlineData("2025Q4", "2025-10-01", "2025-12-31")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2025-01/2025-09", "2025-01-01", "2025-09-30")]
    [InlineData("2025Q2/2026", "2025-04-01", "2026-12-31")]
    [InlineData("2025-03-15/2025-03-15", "2025-03-15", "2025-03-15")]
    public void A_period_covers_its_first_to_its_last_day(string text, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period, out var error), error);
        Assert.Equal(new Period(text, DateOnly.Parse(start), DateOnly.Parse(end)), period);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    [InlineData("2025Q0")]
    [InlineData("2025Q5")]
    [InlineData("25")]
    [InlineData("2025-1")]
    [InlineData("2025-01/")]
    [InlineData("/2025")]
    [InlineData("2025-01/2025-02/2025-03")]
    [InlineData("H1 2025")]
    [InlineData("2025\n")]
    public void Anything_else_is_refused_with_the_expected_shapes(string text)
    {
        Assert.False(Period.TryParse(text, out _, out var error));
        Assert.Equal($"period must be {Period.Expected}, got '{text}'", error);
    }

    [Fact]
    public void An_interval_may_not_end_before_it_starts()
    {
        Assert.False(Period.TryParse("2025-09/2025-01", out _, out var error));
        Assert.Equal("period interval ends before it starts, got '2025-09/2025-01'", error);
    }

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025-Q3")]
    [InlineData("2025q3")]
    [InlineData("Q3 2025")]
    public void A_quarter_is_YYYYQn(string text)
    {
        Assert.False(Period.TryParseQuarter(text, out _, out _, out var error));
        Assert.Equal($"quarter must be YYYYQn with n 1 to 4, got '{text}'", error);
    }
}
