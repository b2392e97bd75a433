using DepinApi.Charts;

namespace DepinApi.Tests.Charts;

/// <summary>A figure's preview card shows its number whole: smaller when it is long, never cut.</summary>
public class FigureCardLayoutTests
{
    [Theory]
    [InlineData("$127.8 million", 96.0)]
    [InlineData("about $520 million")]
    [InlineData("down 93% over a year")]
    [InlineData("between $35 million and $40 million")]
    public void The_number_is_drawn_whole(string number, double? size = null)
    {
        var scene = FigureCardLayout.Lay(new FigureCard("Helium revenue", number, "as of Q2 2026", "Gate, June 1, 2026", "A title", "depin api"));

        var drawn = scene.Shapes.OfType<TextShape>().Single(t => t.Bold);
        Assert.Equal(number, drawn.Text);
        Assert.InRange(drawn.Size, 36, 96);
        if (size is { } expected) Assert.Equal(expected, drawn.Size);
    }
}
