using DepinApi.Rest.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>The one "did you mean" rule (slugs, source ids, query parameters): a prefix either way, or a few edits.</summary>
public class NearestNamesTests
{
    private static readonly string[] Sources = ["gate-2026-06-01", "aerioxflux-2026-05-09", "blockeden-early-2026"];
    private static readonly string[] Slugs = ["helium", "akash", "hivemapper", "filecoin", "render", "aethir", "io-net"];

    [Theory]
    [InlineData("gate", "gate-2026-06-01")]
    [InlineData("gate-2026", "gate-2026-06-01")]
    [InlineData("blockeden", "blockeden-early-2026")]
    [InlineData("blockeden-early-2025", "blockeden-early-2026")]
    public void A_unique_prefix_suggests_its_completion(string id, string nearest) =>
        Assert.Equal(nearest, NearestNames.Nearest(id, Sources));

    [Theory]
    [InlineData("aethir/revenue", "aethir")]
    [InlineData("helium-network", "helium")]
    [InlineData("io", "io-net")]
    [InlineData("file", "filecoin")]
    [InlineData("heliun", "helium")]
    public void A_name_that_begins_a_slug_or_a_slug_it_begins_is_near(string name, string nearest) =>
        Assert.Equal(nearest, NearestNames.Nearest(name, Slugs));

    [Theory]
    [InlineData("h")]
    [InlineData("heliumnetwork-and-more")]
    [InlineData("completely-unrelated-name")]
    public void A_prefix_of_several_or_a_name_far_from_all_suggests_nothing(string name) =>
        Assert.Null(NearestNames.Nearest(name, Slugs));

    [Theory]
    [InlineData("QUARTERLY_REVENUE", "quarterly_revenue")]
    [InlineData("Lease_Income", "lease_income")]
    public void A_name_in_other_letters_is_nearest_of_all(string name, string nearest) =>
        // Every letter an edit away, past any limit, and still plainly the name meant; before lease_incomes, which it begins.
        Assert.Equal(nearest, NearestNames.Nearest(name, ["lease_incomes", "lease_income", "quarterly_revenue", "quarterly_revenues"]));

    [Fact]
    public void A_prefix_ranks_before_any_edit() =>
        // limit completes limi; lim and lime are one edit away, as limit is, and come after it.
        Assert.Equal(["limit", "lim", "lime"], NearestNames.NearestFew("limi", ["lime", "lim", "limit"], 3));

    [Fact]
    public void A_name_as_many_edits_away_as_the_limit_only_by_its_length_is_still_near() =>
        // Two letters more than "ab", after a letter (not a separator): two edits, the limit for a name of four.
        Assert.Equal(["ab"], NearestNames.NearestFew("abxy", ["ab"], 1));

    [Fact]
    public void Suggestions_are_those_every_edit_distance_counted_in_full_gives()
    {
        var random = new Random(17);
        string Name(int length) => new([.. Enumerable.Range(0, length).Select(_ => "abc-"[random.Next(4)])]);
        for (var i = 0; i < 2_000; i++)
        {
            var name = Name(random.Next(0, 14));
            string[] known = [.. Enumerable.Range(0, 6).Select(_ => Name(random.Next(1, 10))).Distinct()];
            var completions = name.Length == 0 ? [] : known.Where(k => k.Length > name.Length && k.StartsWith(name, StringComparison.Ordinal)).Take(2).ToList();
            var limit = Math.Max(2, name.Length / 2);
            var expected = known
                .Select(k => (Name: k, Distance: (completions is [var only] && only == k)
                    || (name.Length > k.Length && name.StartsWith(k, StringComparison.Ordinal) && !char.IsLetterOrDigit(name[k.Length]))
                    ? -1
                    : EditDistance.Between(name, k)))
                .Where(k => k.Distance <= limit)
                .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
                .Take(3).Select(k => k.Name);
            Assert.Equal(expected, NearestNames.NearestFew(name, known, 3));
        }
    }
}
