using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

/// <summary>Quoted text is cut and counted in characters: an emoji is one, and none is cut in two.</summary>
public sealed class QuotedTextTests
{
    private const string Emoji = "\U0001F600";

    [Fact]
    public void Text_of_at_most_the_length_in_characters_is_kept_whole_though_its_code_units_are_more()
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, 10));

        Assert.Same(text, QuotedText.Cut(text, 10));
        Assert.Equal(10, Characters.Count(text));
    }

    [Fact]
    public void Longer_text_is_cut_after_whole_characters_and_says_how_many_it_had()
    {
        var text = "a" + string.Concat(Enumerable.Repeat(Emoji, 10));

        var cut = QuotedText.Cut(text, 2);

        // Two code units in would have kept half of the emoji, a lone surrogate no JSON writer can encode.
        Assert.Equal("a" + Emoji + "… (11 characters)", cut);
    }

    [Fact]
    public void A_lone_surrogate_counts_as_one_character()
    {
        Assert.Equal(3, Characters.Count("a\uD83Db"));
        Assert.Equal(2, Characters.LengthOfFirst("a\uD83Db", 2));
        Assert.Equal(3, Characters.LengthOfFirst(Emoji + "b", 5));
    }
}
