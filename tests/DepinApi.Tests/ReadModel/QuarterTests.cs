using DepinApi.ReadModel;

namespace DepinApi.Tests.ReadModel;

public class QuarterTests
{
    [Theory]
    [InlineData("2025Q3", 2025, 3)]
    [InlineData("2000q1", 2000, 1)]
    [InlineData("2100Q4", 2100, 4)]
    public void Parses_the_documented_form(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
        Assert.Equal($"{year}Q{number}", quarter.ToString());
    }

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025Q0")]
    [InlineData("1999Q4")]
    [InlineData("2101Q1")]
    [InlineData("2025-Q3")]
    [InlineData("25Q3")]
    [InlineData("+025Q3")]
    [InlineData("2025Q3 ")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_anything_else(string? text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void Steps_across_year_boundaries()
    {
        Assert.Equal(new Quarter(2026, 1), new Quarter(2025, 4).Next);
        Assert.Equal(new Quarter(2024, 4), new Quarter(2025, 1).Previous);
        Assert.Equal(new Quarter(2024, 3), new Quarter(2025, 3).AddQuarters(-4));
        Assert.True(new Quarter(2025, 4) < new Quarter(2026, 1));
    }

    [Fact]
    public void Knows_its_days()
    {
        Assert.Equal(new DateOnly(2025, 4, 1), new Quarter(2025, 2).Start);
        Assert.Equal(new DateOnly(2025, 6, 30), new Quarter(2025, 2).End);
        Assert.Equal(new DateOnly(2025, 12, 31), new Quarter(2025, 4).End);
    }
}
