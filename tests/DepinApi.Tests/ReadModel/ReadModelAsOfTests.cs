using DepinApi.ReadModel;

namespace DepinApi.Tests.ReadModel;

public class ReadModelAsOfTests
{
    [Fact]
    public void A_positive_integer_names_a_data_version()
    {
        Assert.True(AsOf.TryParse("3", out var asOf));
        Assert.Equal(3, asOf.Version);
        Assert.Null(asOf.Date);
        Assert.Equal("3", asOf.ToString());
    }

    [Fact]
    public void A_calendar_date_names_the_end_of_that_day()
    {
        Assert.True(AsOf.TryParse("2026-01-15", out var asOf));
        Assert.Equal(new DateOnly(2026, 1, 15), asOf.Date);
        Assert.Null(asOf.Version);
        Assert.Equal("2026-01-15", asOf.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("v3")]
    [InlineData("2026-02-30")]
    [InlineData("2026-1-5")]
    [InlineData("15/01/2026")]
    [InlineData("2026-01-15T00:00:00Z")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text) => Assert.False(AsOf.TryParse(text, out _));
}
